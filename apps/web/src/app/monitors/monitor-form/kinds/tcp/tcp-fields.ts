import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TCP_MONITOR_LIMITS } from '@mini-netumo/contracts';
import type { FieldErrors } from '../../../../trpc/field-errors';
import { groupValue } from '../group-value';
import { TCP_FORM, type TcpFormField, type TcpFormGroup } from './tcp-form';

/** Any TCP service: where it listens, whether to speak TLS, and a few bytes to send and expect back. */
@Component({
  selector: 'app-tcp-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatCheckboxModule, MatFormFieldModule, MatInputModule],
  templateUrl: './tcp-fields.html',
  styleUrl: '../form-section.scss',
})
export class TcpFields {
  readonly group = input.required<TcpFormGroup>();
  readonly errors = input.required<FieldErrors<TcpFormField>>();

  protected readonly limits = TCP_MONITOR_LIMITS;
  /** The TLS warning follows the checkboxes. */
  protected readonly value = groupValue(this.group, TCP_FORM.empty());
}
