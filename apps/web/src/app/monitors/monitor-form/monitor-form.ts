import { NgComponentOutlet } from '@angular/common';
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
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { MONITOR_KIND_CONTRACTS, MONITOR_KINDS, MONITOR_LIMITS, isActiveKind } from '@mini-netumo/contracts';
import { ChannelPicker } from '../../channels/channel-picker/channel-picker';
import { MonitorStore } from '../data-access/monitor-store';
import { AdvancedFields } from './advanced-fields';
import { ExpiryAlertFields } from './expiry-alert-fields';
import { NO_ERRORS, advancedFieldsOf, formFieldsOf, serverFormErrors, validateMonitorForm, type FormErrors } from './form-errors';
import { buildMonitorFormGroup, fillMonitorForm, markControls, type MonitorFormGroup } from './form-group';
import { emptyFormValue, toFormValue, toPatch, type MonitorFormValue } from './form-model';
import { KIND_SECTIONS } from './kinds/kind-sections';

/** Add (no id) or edit (id from the route) one monitor of any kind; the kind is chosen once, when adding. */
@Component({
  selector: 'app-monitor-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgComponentOutlet,
    ReactiveFormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    RouterLink,
    ExpiryAlertFields,
    AdvancedFields,
    ChannelPicker,
  ],
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
  protected readonly kinds = MONITOR_KINDS;
  protected readonly kindContracts = MONITOR_KIND_CONTRACTS;
  protected readonly editing = computed(() => this.id() !== undefined);
  private readonly settled = this.store.isSettled(computed(() => this.id() ?? ''));
  protected readonly notFound = computed(() => this.editing() && this.settled() && !this.existing());
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly saving = signal(false);
  /** Opened by the user, or by us when a message lands on a field inside it. */
  protected readonly advancedOpen = signal(false);
  private readonly submitted = signal(false);
  /** null until the picker knows the channels; then sent with the monitor. */
  protected readonly channelIds = signal<string[] | null>(null);

  protected readonly form: MonitorFormGroup = buildMonitorFormGroup(this.fb, emptyFormValue());
  protected readonly kind = toSignal(this.form.controls.kind.valueChanges, { initialValue: this.form.controls.kind.value });
  protected readonly section = computed(() => KIND_SECTIONS[this.kind()]);
  /** Interval, timeout, thresholds, retries and expiry alerts belong to the kinds we probe; a heartbeat has none. */
  protected readonly active = computed(() => isActiveKind(this.kind()));
  protected readonly sectionInputs = computed(() => ({ group: this.form.controls.byKind.controls[this.kind()], errors: this.errors() }));

  constructor() {
    // Adding needs no monitor; editing reads the one it edits.
    effect(() => {
      const id = this.id();
      if (id) untracked(() => this.store.open(id));
    });
    effect(() => {
      const monitor = this.existing();
      if (!monitor || this.prefilled) return;
      this.prefilled = true;
      untracked(() => fillMonitorForm(this.fb, this.form, toFormValue(monitor)));
    });
    // After the first submit, re-check as the user types (or switches kind) so fixed fields lose their message at once.
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
        await this.store.update(id, toPatch(config));
        await this.router.navigate(['/monitors', id]);
      } else {
        await this.store.create(config);
        await this.router.navigate(['/']);
      }
    } catch (error) {
      this.show(serverFormErrors(this.kind(), error));
      this.focusFirstError();
    } finally {
      this.saving.set(false);
    }
  }

  /** The raw value, greyed-out inputs included (the contract wants them either way). */
  private value(): MonitorFormValue {
    return this.form.getRawValue();
  }

  private show(errors: FormErrors): void {
    this.errors.set(errors);
    markControls(this.form, this.kind(), errors);
    if (advancedFieldsOf(this.kind()).some((field) => field in errors.fields)) this.advancedOpen.set(true);
  }

  private focusFirstError(): void {
    const field = formFieldsOf(this.kind()).find((key) => this.errors().fields[key]);
    if (!field) return;
    // The panel may have just been opened: wait for it to render before moving focus.
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`[data-field="${field}"]`)?.focus(), {
      injector: this.injector,
    });
  }
}
