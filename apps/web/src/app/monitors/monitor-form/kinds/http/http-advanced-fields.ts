import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { HTTP_METHODS, MONITOR_LIMITS } from '@mini-netumo/contracts';
import type { FieldErrors } from '../../../../trpc/field-errors';
import { groupValue } from '../group-value';
import { HTTP_FORM, buildHeaderRow, type AssertionType, type HttpFormField, type HttpFormGroup } from './http-form';

export const ASSERTION_LABELS: Record<AssertionType, string> = {
  none: 'No body check',
  contains: 'Body contains text',
  not_contains: 'Body does not contain text',
  regex: 'Body matches a regular expression',
  json: 'JSON value at a path',
};

/** Request, body check, redirects and TLS: the HTTP part of the Advanced panel, which most people skip. */
@Component({
  selector: 'app-http-advanced-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  templateUrl: './http-advanced-fields.html',
  styleUrls: ['../form-section.scss', './http-advanced-fields.scss'],
})
export class HttpAdvancedFields {
  readonly group = input.required<HttpFormGroup>();
  readonly errors = input.required<FieldErrors<HttpFormField>>();

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly methods = HTTP_METHODS;
  protected readonly limits = MONITOR_LIMITS;
  protected readonly assertionTypes = Object.keys(ASSERTION_LABELS) as AssertionType[];
  protected readonly assertionLabels = ASSERTION_LABELS;
  /** Which assertion inputs and warnings show depends on the value. */
  protected readonly value = groupValue(this.group, HTTP_FORM.empty());

  protected addHeader(): void {
    this.group().controls.headers.push(buildHeaderRow(this.fb, { name: '', value: '' }));
  }

  protected removeHeader(index: number): void {
    this.group().controls.headers.removeAt(index);
  }
}
