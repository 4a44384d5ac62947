import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { statusPageInputSchema } from '@mini-netumo/contracts';
import { map } from 'rxjs';
import { MonitorStore } from '../../monitors/data-access/monitor-store';
import { messageOf } from '../../trpc/error-message';
import { StatusPageStore } from '../data-access/status-page-store';
import { NO_ERRORS, formErrors, serverFormErrors, type PageFormErrors } from './form-errors';
import { buildGroup, buildPageForm, emptyGroup, emptyPageValue, fillPageForm, markControls, toFormValue, toPageInput } from './form-model';
import { PageGroupFields } from './page-group-fields';

/** Add (no id) or edit a status page: its address, title and text, and groups of monitors with their public names. */
@Component({
  selector: 'app-status-page-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, RouterLink, PageGroupFields],
  templateUrl: './status-page-form.html',
  styleUrl: './status-page-form.scss',
})
export class StatusPageForm {
  /** Bound from the `:id` route parameter; absent when adding. */
  readonly id = input<string>();

  private readonly store = inject(StatusPageStore);
  private readonly monitorStore = inject(MonitorStore);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly editing = computed(() => this.id() !== undefined);
  protected readonly monitors = this.monitorStore.monitors;
  protected readonly form = buildPageForm(this.fb, emptyPageValue());
  /** The raw value as a signal: the groups' views follow it under OnPush and zoneless. */
  protected readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  protected readonly onPage = computed(() => new Set(this.value().groups.flatMap((group) => group.monitors.map((row) => row.monitorId))));
  protected readonly errors = signal<PageFormErrors>(NO_ERRORS);
  protected readonly saving = signal(false);
  protected readonly loadError = signal<string | null>(null);
  /** When editing, nothing is saved before the page is in the form: an empty form would replace it. */
  private readonly prefilled = signal(false);
  protected readonly ready = computed(() => !this.editing() || this.prefilled());

  constructor() {
    this.monitorStore.load();
    effect(() => {
      const id = this.id();
      if (id) untracked(() => void this.prefill(id));
    });
  }

  protected addGroup(): void {
    this.form.controls.groups.push(buildGroup(this.fb, emptyGroup()));
  }

  protected removeGroup(index: number): void {
    this.form.controls.groups.removeAt(index);
  }

  protected async submit(): Promise<void> {
    if (this.saving() || !this.ready()) return;
    const value = this.form.getRawValue();
    const parsed = statusPageInputSchema.safeParse(toPageInput(value));
    if (!parsed.success) {
      this.show(
        formErrors(
          value,
          parsed.error.issues.map((issue) => [issue.path.map(String).join('.'), issue.message] as const),
        ),
      );
      return;
    }
    this.show(NO_ERRORS);
    this.saving.set(true);
    try {
      const id = this.id();
      if (id) await this.store.update({ id, ...parsed.data });
      else await this.store.create(parsed.data);
      await this.router.navigate(['/status-pages']);
    } catch (error) {
      // The form keeps what was typed; each message goes beside its field.
      this.show(serverFormErrors(value, error));
    } finally {
      this.saving.set(false);
    }
  }

  private show(errors: PageFormErrors): void {
    this.errors.set(errors);
    markControls(this.form, errors);
  }

  private async prefill(id: string): Promise<void> {
    try {
      fillPageForm(this.fb, this.form, toFormValue(await this.store.get(id)));
      this.prefilled.set(true);
      this.loadError.set(null);
    } catch (error) {
      this.loadError.set(messageOf(error));
    }
  }
}
