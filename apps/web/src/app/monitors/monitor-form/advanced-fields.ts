import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MONITOR_LIMITS, isActiveKind, type MonitorKind } from '@mini-netumo/contracts';
import type { FormErrors } from './form-errors';
import type { MonitorFormGroup } from './form-group';
import { KIND_SECTIONS } from './kinds/kind-sections';

/** The part of the form most people skip: the kind's own options, then retries and recovery. */
@Component({
  selector: 'app-advanced-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgComponentOutlet, ReactiveFormsModule, MatExpansionModule, MatFormFieldModule, MatInputModule],
  templateUrl: './advanced-fields.html',
  styleUrl: './advanced-fields.scss',
})
export class AdvancedFields {
  /** The whole monitor form: the controls here live in it, so one submit validates everything. */
  readonly form = input.required<MonitorFormGroup>();
  readonly errors = input.required<FormErrors>();
  readonly kind = input.required<MonitorKind>();
  readonly expanded = model(false);

  protected readonly limits = MONITOR_LIMITS;
  protected readonly section = computed(() => KIND_SECTIONS[this.kind()]);
  /** Retries and recovery count probes: only the kinds we probe have them. */
  protected readonly active = computed(() => isActiveKind(this.kind()));
  protected readonly summary = computed(() => {
    const own = this.section().advancedSummary;
    if (!this.active()) return own ?? '';
    return own ? `${own}, retries` : 'Retries and recovery';
  });
  protected readonly sectionInputs = computed(() => ({ group: this.form().controls.byKind.controls[this.kind()], errors: this.errors() }));
}
