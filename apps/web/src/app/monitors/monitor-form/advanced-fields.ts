import { ChangeDetectionStrategy, Component, effect, inject, input, model, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { HTTP_METHODS, MONITOR_LIMITS } from '@mini-netumo/contracts';
import type { FormErrors } from './form-errors';
import { buildHeaderRow, type MonitorFormGroup } from './form-group';
import { emptyFormValue, type AssertionType, type MonitorFormValue } from './form-model';

export const ASSERTION_LABELS: Record<AssertionType, string> = {
  none: 'No body check',
  contains: 'Body contains text',
  not_contains: 'Body does not contain text',
  regex: 'Body matches a regular expression',
  json: 'JSON value at a path',
};

/** Request, body check, redirects, TLS and confirmation settings: the part of the form most people skip. */
@Component({
  selector: 'app-advanced-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatExpansionModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  templateUrl: './advanced-fields.html',
  styleUrl: './advanced-fields.scss',
})
export class AdvancedFields {
  /** The whole monitor form: the controls here live in it, so one submit validates everything. */
  readonly form = input.required<MonitorFormGroup>();
  readonly errors = input.required<FormErrors>();
  readonly expanded = model(false);

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly methods = HTTP_METHODS;
  protected readonly limits = MONITOR_LIMITS;
  protected readonly assertionTypes = Object.keys(ASSERTION_LABELS) as AssertionType[];
  protected readonly assertionLabels = ASSERTION_LABELS;
  /** The form's value as a signal: which assertion fields and warnings show depends on it (OnPush, zoneless). */
  protected readonly value = signal<MonitorFormValue>(emptyFormValue());

  constructor() {
    effect((onCleanup) => {
      const form = this.form();
      this.value.set(form.getRawValue());
      const subscription = form.valueChanges.subscribe(() => this.value.set(form.getRawValue()));
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected addHeader(): void {
    this.form().controls.headers.push(buildHeaderRow(this.fb, { name: '', value: '' }));
  }

  protected removeHeader(index: number): void {
    this.form().controls.headers.removeAt(index);
  }
}
