import { expect } from 'vitest';
import { RECOVERY_LIMIT_MS, SILENCE_LIMIT_MS, type FaultReport } from './run-fault';

/** Every promise of the issue for one fault, checked softly so one run lists every broken one. */
export function expectRecovered(report: FaultReport): void {
  const { coverage, observed, integrity } = report;
  const what = `${report.backend} / ${report.fault}`;

  expect.soft(report.crashes, `${what}: processes that exited on their own`).toEqual([]);
  expect.soft(coverage.checked, `${what}: monitors checked again after the fault`).toBe(coverage.total);
  expect
    .soft(coverage.allCheckedAfterMs ?? Infinity, `${what}: ms until every monitor was checked again`)
    .toBeLessThanOrEqual(RECOVERY_LIMIT_MS);

  expect.soft(observed.downMax, `${what}: monitors DOWN (the target never failed)`).toBe(0);
  expect.soft(integrity.downIncidents, `${what}: down incidents`).toBe(0);
  expect.soft(integrity.alertDeliveries, `${what}: alert deliveries (no incident, so no notice)`).toBe(0);
  expect.soft(report.repeatedNotices, `${what}: notices sent twice`).toEqual([]);
  expect.soft(integrity.slotDuplicates, `${what}: monitor slots with two results`).toBe(0);
  expect.soft(integrity.closePairs, `${what}: results of one monitor < 2 s apart, e.g. ${integrity.closePairExamples.join('; ')}`).toBe(0);
  expect.soft(integrity.resultsWithoutSlot, `${what}: new results without slot_at`).toBe(0);

  expect.soft(observed.silentNotStaleMax, `${what}: monitors silent > ${SILENCE_LIMIT_MS} ms and not stale`).toBe(0);
  const apiFailures = observed.apiFailures
    ? ` (monitors.list failed ${observed.apiFailures}/${observed.samples} times: ${observed.apiLastError})`
    : '';
  expect.soft(observed.apiFailures, `${what}: failed monitors.list calls${apiFailures}`).toBe(0);
  expect.soft(observed.apiStaleField, `${what}: monitors.list items carry \`stale\`${apiFailures}`).toBe(true);
  expect.soft(observed.healthMonitoringField, `${what}: /health carries \`monitoring\``).toBe(true);
  // During the gap, by the product's own deadline (`overdue_at`): every overdue monitor shows as stale, /health counts them.
  expect.soft(observed.overdueNotShownMax, `${what}: overdue monitors that monitors.list did not show stale`).toBe(0);
  if (observed.overdueMax > 0) {
    expect
      .soft(observed.healthOverdueMax, `${what}: /health monitoring.overdue while ${observed.overdueMax} were overdue`)
      .toBeGreaterThan(0);
  }
  if (observed.overdueMax > observed.healthThreshold) {
    expect.soft(observed.healthNotOkSeen, `${what}: /health not ok while more than its threshold were overdue`).toBe(true);
  }
  expect.soft(report.settleProblem, `${what}: after recovery, nothing stale and /health ok`).toBeUndefined();

  expect.soft(report.unscheduledMonitors, `${what}: active monitors without a next check`).toBe(0);
  expect.soft(report.lostSchedulers, `${what}: schedulers (any queue) gone since before the fault`).toEqual([]);
}
