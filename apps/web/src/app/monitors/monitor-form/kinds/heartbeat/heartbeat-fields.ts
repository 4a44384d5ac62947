import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { HEARTBEAT_LIMITS, formatDuration } from '@mini-netumo/contracts';
import type { FieldErrors } from '../../../../trpc/field-errors';
import { Clock } from '../../../../ui/relative-time';
import { groupValue } from '../group-value';
import { HEARTBEAT_FORM, browserTimeZone, type HeartbeatFormField, type HeartbeatFormGroup } from './heartbeat-form';
import { previewExpected } from './heartbeat-preview';

/** The zones this browser knows, its own first, for the datalist; typing any other IANA name still works. */
function timeZoneChoices(): string[] {
  return [...new Set([browserTimeZone(), 'UTC', ...Intl.supportedValuesOf('timeZone')])];
}

/** A job that pings us: every period or on a cron schedule, with a grace time, and when the next pings are due. */
@Component({
  selector: 'app-heartbeat-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonToggleModule, MatFormFieldModule, MatInputModule],
  templateUrl: './heartbeat-fields.html',
  styleUrl: '../form-section.scss',
  styles: `
    .schedule-choice {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 12px;
    }
    .label {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    ol {
      margin: 4px 0 8px;
      padding-left: 24px;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class HeartbeatFields {
  readonly group = input.required<HeartbeatFormGroup>();
  readonly errors = input.required<FieldErrors<HeartbeatFormField>>();

  private readonly clock = inject(Clock);
  protected readonly limits = HEARTBEAT_LIMITS;
  protected readonly timeZones = timeZoneChoices();
  /** The schedule choice and the preview follow what is typed. */
  protected readonly value = groupValue(this.group, HEARTBEAT_FORM.empty());
  protected readonly preview = computed(() => previewExpected(this.value(), this.clock.now()));

  /** " (1h)" beside a number of seconds, once it is one. */
  protected readable(seconds: number | null): string {
    return seconds !== null && Number.isInteger(seconds) && seconds > 0 ? ` (${formatDuration(seconds * 1_000)})` : '';
  }
}
