import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import type { CheckResult } from '@mini-netumo/contracts';
import type { ResultsPage } from '../data-access/monitor-history';
import { formatMs } from '../../ui/number-format';
import { PHASE_LOOKS, TIMING_PHASES, timingPhases } from './timing-phases';

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

  /** "DNS 3 · Connect 1 · First byte 40": the phases that took any time. */
  protected timingText(result: CheckResult): string {
    if (!result.timings) return '—';
    const phases = timingPhases(result.timings);
    const parts = TIMING_PHASES.filter((phase) => phases[phase] > 0).map((phase) => `${PHASE_LOOKS[phase].label} ${phases[phase]}`);
    return parts.length > 0 ? parts.join(' · ') : '0';
  }
}
