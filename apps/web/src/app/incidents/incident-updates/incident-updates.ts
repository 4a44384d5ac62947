import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { NonNullableFormBuilder, ReactiveFormsModule, type FormControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import {
  INCIDENT_UPDATE_STATE_LABELS,
  incidentEditUpdateInputSchema,
  incidentPostUpdateInputSchema,
  type IncidentDetail,
  type IncidentUpdate,
  type IncidentUpdateState,
} from '@mini-netumo/contracts';
import type { ZodSafeParseResult } from 'zod';
import { IncidentActions } from '../incident-actions';
import { UpdateFields, type UpdateForm } from './update-fields';

/** What the world reads about an incident on the status pages: the updates, newest first, each editable, and a form to post one. */
@Component({
  selector: 'app-incident-updates',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, ReactiveFormsModule, MatButtonModule, UpdateFields],
  templateUrl: './incident-updates.html',
  styleUrl: './incident-updates.scss',
})
export class IncidentUpdates {
  readonly incident = input.required<IncidentDetail>();
  /** After a post, an edit or a delete: the page reloads the incident. */
  readonly changed = output<void>();

  private readonly actions = inject(IncidentActions);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly labels = INCIDENT_UPDATE_STATE_LABELS;
  /** The contract sends them oldest first; people read the latest first. */
  protected readonly updates = computed(() => [...this.incident().updates].sort((a, b) => b.postedAt.getTime() - a.postedAt.getTime()));

  protected readonly postForm: UpdateForm = this.fb.group({ state: this.fb.control<IncidentUpdateState>('investigating'), message: [''] });
  protected readonly posting = signal(false);
  /** The update being edited in place; one at a time. */
  protected readonly editingId = signal<string | null>(null);
  protected readonly editForm: UpdateForm = this.fb.group({ state: this.fb.control<IncidentUpdateState>('investigating'), message: [''] });
  protected readonly saving = signal(false);

  protected async post(): Promise<void> {
    if (this.posting()) return;
    const parsed = incidentPostUpdateInputSchema.safeParse({ id: this.incident().id, ...this.postForm.getRawValue() });
    if (!checked(parsed, this.postForm.controls.message)) return;
    this.posting.set(true);
    try {
      if (!(await this.actions.postUpdate(parsed.data))) return;
      // The state stays chosen: the next update often carries the same.
      this.postForm.controls.message.reset();
      this.changed.emit();
    } finally {
      this.posting.set(false);
    }
  }

  protected startEdit(update: IncidentUpdate): void {
    this.editForm.reset({ state: update.state, message: update.message });
    this.editingId.set(update.id);
  }

  protected cancelEdit(): void {
    this.editingId.set(null);
  }

  protected async saveEdit(update: IncidentUpdate): Promise<void> {
    if (this.saving()) return;
    const parsed = incidentEditUpdateInputSchema.safeParse({ updateId: update.id, ...this.editForm.getRawValue() });
    if (!checked(parsed, this.editForm.controls.message)) return;
    this.saving.set(true);
    try {
      if (!(await this.actions.editUpdate(parsed.data))) return;
      this.editingId.set(null);
      this.changed.emit();
    } finally {
      this.saving.set(false);
    }
  }

  protected async remove(update: IncidentUpdate): Promise<void> {
    if (await this.actions.deleteUpdate(update.id)) this.changed.emit();
  }
}

/** True when the contract accepts the form; else its message goes on the message input (the state is a fixed choice). */
function checked<T>(
  parsed: ZodSafeParseResult<T>,
  message: FormControl<string>,
): parsed is Extract<ZodSafeParseResult<T>, { success: true }> {
  message.setErrors(parsed.success ? null : { contract: parsed.error.issues[0]?.message ?? 'message is not valid' });
  message.markAsTouched();
  return parsed.success;
}
