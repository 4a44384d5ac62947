import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import type { CheckErrorKind, CheckResult } from '@mini-netumo/contracts';
import type { ResultsPage } from '../data-access/monitor-history';
import { formatMs } from '../../ui/number-format';
import { ERROR_KIND_LABELS } from './error-kind-labels';
import { PHASE_LOOKS, phasesTaken, timingPhases } from './timing-phases';

/** One page of checks, newest first: verdict, failure kind and message, phase timings. */
@Component({
  selector: 'app-check-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonModule, MatTableModule],
  templateUrl: './check-table.html',
  styleUrl: './check-table.scss',
})
export class CheckTable {
  readonly page = input.required<ResultsPage>();
  readonly loading = input(false);
  readonly older = output();
  readonly newer = output();

  protected readonly columns = ['time', 'verdict', 'statusCode', 'latency', 'timings', 'error'];
  protected readonly trackById = (_index: number, result: CheckResult): number => result.id;
  protected readonly formatMs = formatMs;
  /** The rows are untyped in the template (`matCellDef`), so the lookup is typed here. */
  protected readonly errorKindLabel = (kind: CheckErrorKind): string => ERROR_KIND_LABELS[kind];

  /** "DNS 3 · Connect 1 · First byte 40": the phases the check went through (a DNS check has only DNS). */
  protected timingText(result: CheckResult): string {
    if (!result.timings) return '—';
    const parts = phasesTaken(timingPhases(result.timings)).map(({ phase, ms }) => `${PHASE_LOOKS[phase].label} ${ms}`);
    return parts.length > 0 ? parts.join(' · ') : '0';
  }
}
