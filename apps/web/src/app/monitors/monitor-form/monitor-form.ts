import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { MONITOR_LIMITS, type MonitorConfig } from '@mini-netumo/contracts';
import { MonitorStore } from '../data-access/monitor-store';
import {
  MONITOR_FORM_FIELDS,
  NO_ERRORS,
  serverFormErrors,
  validateMonitorForm,
  type FormErrors,
  type MonitorFormValue,
} from './form-errors';

/** Add (no id) or edit (id from the route) one monitor. */
@Component({
  selector: 'app-monitor-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, RouterLink],
  templateUrl: './monitor-form.html',
  styleUrl: './monitor-form.scss',
})
export class MonitorForm {
  /** Bound from the `:id` route parameter; absent when adding. */
  readonly id = input<string>();

  private readonly store = inject(MonitorStore);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly existing = this.store.monitor(computed(() => this.id() ?? ''));
  private prefilled = false;

  protected readonly limits = MONITOR_LIMITS;
  protected readonly editing = computed(() => this.id() !== undefined);
  protected readonly notFound = computed(() => this.editing() && this.store.loaded() && !this.existing());
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly saving = signal(false);
  private readonly submitted = signal(false);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [''],
    url: [''],
    intervalSeconds: [MONITOR_LIMITS.intervalSeconds.default as number | null],
    timeoutMs: [MONITOR_LIMITS.timeoutMs.default as number | null],
    expectedStatusCodes: ['200-299'],
    failureThreshold: [MONITOR_LIMITS.failureThreshold.default as number | null],
  });

  constructor() {
    effect(() => {
      const monitor = this.existing();
      if (!monitor || this.prefilled) return;
      this.prefilled = true;
      untracked(() => this.form.setValue(pickFormValue(monitor)));
    });
    // After the first submit, re-check as the user types so fixed fields lose their message at once.
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      if (!this.submitted()) return;
      const result = validateMonitorForm(this.form.getRawValue());
      this.show('errors' in result ? result.errors : NO_ERRORS);
    });
  }

  protected async submit(): Promise<void> {
    if (this.saving()) return;
    this.submitted.set(true);
    const result = validateMonitorForm(this.form.getRawValue());
    if ('errors' in result) {
      this.show(result.errors);
      this.focusFirstError();
      return;
    }
    this.show(NO_ERRORS);
    this.saving.set(true);
    try {
      const id = this.id();
      if (id) {
        await this.store.update(id, withoutPaused(result.config));
        await this.router.navigate(['/monitors', id]);
      } else {
        await this.store.create(result.config);
        await this.router.navigate(['/']);
      }
    } catch (error) {
      this.show(serverFormErrors(error));
      this.focusFirstError();
    } finally {
      this.saving.set(false);
    }
  }

  /** Mirrors the messages onto the controls, so Material marks the fields invalid and shows `mat-error`. */
  private show(errors: FormErrors): void {
    this.errors.set(errors);
    for (const field of MONITOR_FORM_FIELDS) {
      const message = errors.fields[field];
      this.form.controls[field].setErrors(message ? { contract: message } : null);
    }
  }

  private focusFirstError(): void {
    const field = MONITOR_FORM_FIELDS.find((key) => this.errors().fields[key]);
    if (field) this.host.nativeElement.querySelector<HTMLElement>(`[formcontrolname="${field}"]`)?.focus();
  }
}

function pickFormValue(monitor: MonitorConfig): MonitorFormValue {
  const { name, url, intervalSeconds, timeoutMs, expectedStatusCodes, failureThreshold } = monitor;
  return { name, url, intervalSeconds, timeoutMs, expectedStatusCodes, failureThreshold };
}

/** Editing must not flip pause: that is the Pause button's job, and the form has no such field. */
function withoutPaused(config: MonitorConfig): Omit<MonitorConfig, 'paused'> {
  const { paused: _paused, ...rest } = config;
  return rest;
}
