import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, type AbstractControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { MONITOR_LIMITS, type MonitorConfig } from '@mini-netumo/contracts';
import { ChannelPicker } from '../../channels/channel-picker/channel-picker';
import { MonitorStore } from '../data-access/monitor-store';
import { AdvancedFields } from './advanced-fields';
import { ExpiryAlertFields } from './expiry-alert-fields';
import {
  ADVANCED_FIELDS,
  MONITOR_FORM_FIELDS,
  NO_ERRORS,
  serverFormErrors,
  validateMonitorForm,
  type FormErrors,
  type MonitorFormField,
} from './form-errors';
import { buildHeaderRow, buildMonitorFormGroup, type MonitorFormGroup } from './form-group';
import { emptyFormValue, toFormValue, type MonitorFormValue } from './form-model';

/** Add (no id) or edit (id from the route) one monitor. */
@Component({
  selector: 'app-monitor-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, RouterLink, ExpiryAlertFields, AdvancedFields, ChannelPicker],
  templateUrl: './monitor-form.html',
  styleUrl: './monitor-form.scss',
})
export class MonitorForm {
  /** Bound from the `:id` route parameter; absent when adding. */
  readonly id = input<string>();

  private readonly store = inject(MonitorStore);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly injector = inject(Injector);
  private readonly existing = this.store.monitor(computed(() => this.id() ?? ''));
  private prefilled = false;

  protected readonly limits = MONITOR_LIMITS;
  protected readonly editing = computed(() => this.id() !== undefined);
  protected readonly notFound = computed(() => this.editing() && this.store.loaded() && !this.existing());
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly saving = signal(false);
  /** Opened by the user, or by us when a message lands on a field inside it. */
  protected readonly advancedOpen = signal(false);
  private readonly submitted = signal(false);
  /** null until the picker knows the channels; then sent with the monitor. */
  protected readonly channelIds = signal<string[] | null>(null);

  protected readonly form: MonitorFormGroup = buildMonitorFormGroup(this.fb, emptyFormValue());

  constructor() {
    effect(() => {
      const monitor = this.existing();
      if (!monitor || this.prefilled) return;
      this.prefilled = true;
      untracked(() => this.prefill(monitor));
    });
    // Without redirects the limit means nothing; it stays in the value (the contract wants it) but greys out.
    const { followRedirects, maxRedirects } = this.form.controls;
    followRedirects.valueChanges.pipe(takeUntilDestroyed()).subscribe((follow) => {
      if (follow) maxRedirects.enable({ emitEvent: false });
      else maxRedirects.disable({ emitEvent: false });
    });
    // After the first submit, re-check as the user types so fixed fields lose their message at once.
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      if (!this.submitted()) return;
      const result = validateMonitorForm(this.value());
      this.show('errors' in result ? result.errors : NO_ERRORS);
    });
  }

  protected async submit(): Promise<void> {
    if (this.saving()) return;
    this.submitted.set(true);
    const result = validateMonitorForm(this.value());
    if ('errors' in result) {
      this.show(result.errors);
      this.focusFirstError();
      return;
    }
    this.show(NO_ERRORS);
    this.saving.set(true);
    try {
      const id = this.id();
      const channelIds = this.channelIds();
      const config = channelIds ? { ...result.config, channelIds } : result.config;
      if (id) {
        await this.store.update(id, withoutPaused(config));
        await this.router.navigate(['/monitors', id]);
      } else {
        await this.store.create(config);
        await this.router.navigate(['/']);
      }
    } catch (error) {
      this.show(serverFormErrors(error));
      this.focusFirstError();
    } finally {
      this.saving.set(false);
    }
  }

  private prefill(monitor: MonitorConfig): void {
    const value = toFormValue(monitor);
    const headers = this.form.controls.headers;
    headers.clear({ emitEvent: false });
    for (const row of value.headers) headers.push(buildHeaderRow(this.fb, row), { emitEvent: false });
    this.form.setValue(value);
  }

  /** The raw value, maxRedirects included while its input is disabled (the contract wants it either way). */
  private value(): MonitorFormValue {
    return this.form.getRawValue();
  }

  /** Mirrors the messages onto the controls, so Material marks the fields invalid and shows `mat-error`. */
  private show(errors: FormErrors): void {
    this.errors.set(errors);
    for (const field of MONITOR_FORM_FIELDS) {
      const message = errors.fields[field];
      this.controlOf(field)?.setErrors(message ? { contract: message } : null);
    }
    if ((ADVANCED_FIELDS as readonly string[]).some((field) => field in errors.fields)) this.advancedOpen.set(true);
  }

  /** The control showing a field's message; headers have none (their message sits under the rows). */
  private controlOf(field: MonitorFormField): AbstractControl | null {
    if (field === 'headers') return null;
    const path = field.startsWith('bodyAssertion.') ? ['assertion', field.slice('bodyAssertion.'.length)] : [field];
    return this.form.get(path);
  }

  private focusFirstError(): void {
    const field = MONITOR_FORM_FIELDS.find((key) => this.errors().fields[key]);
    if (!field) return;
    // The panel may have just been opened: wait for it to render before moving focus.
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`[data-field="${field}"]`)?.focus(), {
      injector: this.injector,
    });
  }
}

/** Editing must not flip pause: that is the Pause button's job, and the form has no such field. */
function withoutPaused(config: MonitorConfig): Omit<MonitorConfig, 'paused'> {
  const { paused: _paused, ...rest } = config;
  return rest;
}
