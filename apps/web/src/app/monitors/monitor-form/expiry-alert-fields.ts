import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MONITOR_LIMITS } from '@mini-netumo/contracts';
import type { FormErrors } from './form-errors';
import type { MonitorFormGroup } from './form-group';

/** When a certificate or domain alert opens, and the countdown reminders after it: the "Expiry alerts" group. */
@Component({
  selector: 'app-expiry-alert-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule],
  templateUrl: './expiry-alert-fields.html',
  styles: `
    fieldset {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 8px 16px;
      margin: 0;
      padding: 8px 16px 0;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 4px;
    }
    legend {
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface-variant);
      padding: 0 4px;
    }
    .wide {
      grid-column: 1 / -1;
    }
    @media (max-width: 600px) {
      fieldset {
        grid-template-columns: minmax(0, 1fr);
      }
    }
  `,
})
export class ExpiryAlertFields {
  /** The whole monitor form: these controls live in it, so one submit validates everything. */
  readonly form = input.required<MonitorFormGroup>();
  readonly errors = input.required<FormErrors>();

  protected readonly limits = MONITOR_LIMITS;
}
