import { retried, type Coverage, type Integrity } from './fleet-probe';
import { INTERVAL_MS, type FaultStack } from './fault-stack';
import { watchFleet, type WatchObservations } from './fault-watch';

/** The promise: after any fault, every monitor has a new result within two intervals. */
export const RECOVERY_LIMIT_MS = 2 * INTERVAL_MS;
/** A monitor silent this long must at least show as stale: two intervals, plus a watchdog sweep's worth. */
export const SILENCE_LIMIT_MS = 2 * INTERVAL_MS + 5_000;
/** How long past the limit we keep waiting, so a late recovery is measured rather than cut off. */
const MEASURE_PAST_LIMIT_MS = 20_000;
/** After every monitor was checked again: time for staleness to clear and /health to say ok. */
const SETTLE_MS = INTERVAL_MS + 10_000;

export interface FaultPlan {
  fault: string;
  /** Causes the fault; may resolve to the moment recovery is counted from (default: when the fault began). */
  inject(): Promise<Date | void>;
  /** Monitors created during the fault: their first result (the creation check) proves no schedule. */
  skipFirstResult?: boolean;
}

export interface FaultReport {
  backend: string;
  fault: string;
  countFrom: Date;
  coverage: Coverage;
  observed: WatchObservations;
  /** After recovery: nothing stale in PostgreSQL or the api, and /health's `monitoring` ok (null: never, or no such field). */
  settledAfterMs: number | null;
  settleProblem: string | undefined;
  integrity: Integrity;
  /** Notice titles sent more than once during this fault. */
  repeatedNotices: string[];
  /** Active monitors with no next check (their schedule column), and queue schedulers gone since before the fault. */
  unscheduledMonitors: number;
  lostSchedulers: string[];
  /** The api or a worker exiting on its own during the fault: nobody would restart it. */
  crashes: string[];
}

/** Injects a fault under load and measures, from PostgreSQL, how long until every monitor was checked again. */
export async function runFault(stack: FaultStack, plan: FaultPlan, runStartedAt: Date): Promise<FaultReport> {
  const schedulersBefore = await retried(() => stack.schedulers());
  const crashedBefore = new Set(stack.crashes());
  const faultAt = new Date();
  const watch = watchFleet(stack, SILENCE_LIMIT_MS);
  let observed: WatchObservations | undefined;
  try {
    const countFrom =
      (await plan.inject().catch((error: Error) => {
        throw new Error(`injecting ${plan.fault}: ${error.message}`, { cause: error });
      })) ?? faultAt;
    const coverage = await waitForCoverage(stack, countFrom, plan.skipFirstResult ?? false);
    const settle = await settleAfter(stack, coverage.allCheckedAfterMs === null ? 0 : SETTLE_MS);
    observed = await watch.stop();

    const [integrity, notices, unscheduled] = await Promise.all([
      stack.probe.integrity(runStartedAt),
      stack.probe.noticesSince(faultAt),
      unscheduledAfter(stack, schedulersBefore),
    ]).catch((error: Error) => {
      throw new Error(`reading the outcome of ${plan.fault}: ${error.message}`, { cause: error });
    });
    const titles = notices.map((notice) => notice.title);
    const report: FaultReport = {
      backend: stack.backend,
      fault: plan.fault,
      countFrom,
      coverage,
      observed,
      settledAfterMs: settle.afterMs,
      settleProblem: settle.problem,
      integrity,
      repeatedNotices: [...new Set(titles.filter((title, i) => titles.indexOf(title) !== i))],
      ...unscheduled,
      crashes: stack.crashes().filter((crash) => !crashedBefore.has(crash)),
    };
    printTiming(report);
    return report;
  } finally {
    if (!observed) await watch.stop();
  }
}

/** Polls until every active monitor has a result after `countFrom`, or well past the limit. */
async function waitForCoverage(stack: FaultStack, countFrom: Date, skipFirstResult: boolean): Promise<Coverage> {
  const deadline = countFrom.getTime() + RECOVERY_LIMIT_MS + MEASURE_PAST_LIMIT_MS;
  let coverage: Coverage = { total: 0, checked: 0, allCheckedAfterMs: null };
  while (Date.now() < deadline) {
    coverage = await stack.probe.coverage(countFrom, { skipFirstResult }).catch(() => coverage);
    if (coverage.allCheckedAfterMs !== null) break;
    await sleep(1_000);
  }
  return coverage;
}

/**
 * Waits until every active monitor has a result from the last interval (and a bit). When a scenario left the
 * fleet broken, restarts the workers so the next scenario measures its own fault, not the previous one's.
 */
export async function ensureSteady(stack: FaultStack): Promise<void> {
  const steady = async (withinMs: number) => {
    const until = Date.now() + withinMs;
    while (Date.now() < until) {
      const coverage = await stack.probe.coverage(new Date(Date.now() - INTERVAL_MS - 5_000)).catch(() => undefined);
      if (coverage && coverage.total > 0 && coverage.allCheckedAfterMs !== null) return true;
      await sleep(1_000);
    }
    return false;
  };
  if (await steady(INTERVAL_MS + 10_000)) return;
  console.log('fault-heal: the fleet is not steady; restarting the workers for the next scenario');
  await stack.restartWorkers();
  if (!(await steady(2 * INTERVAL_MS + 10_000))) throw new Error('the fleet is not steady even after restarting the workers');
}

async function settleAfter(stack: FaultStack, withinMs: number): Promise<{ afterMs: number | null; problem?: string }> {
  const startedAt = Date.now();
  let problem: string;
  do {
    problem = await settleProblem(stack).catch((error: Error) => `unreachable: ${error.message}`);
    if (!problem) return { afterMs: Date.now() - startedAt };
    await sleep(1_000);
  } while (Date.now() - startedAt < withinMs);
  return { afterMs: null, problem };
}

async function settleProblem(stack: FaultStack): Promise<string> {
  const [snapshot, listed, health] = await Promise.all([
    stack.probe.snapshot(SILENCE_LIMIT_MS),
    stack.api.listMonitors(),
    stack.api.health(),
  ]);
  if (snapshot.stale > 0) return `${snapshot.stale} monitors have stale_since set`;
  const apiStale = listed.filter((monitor) => monitor.stale).length;
  if (apiStale > 0) return `monitors.list shows ${apiStale} monitors stale`;
  if (!health.monitoring) return '/health has no monitoring field';
  if (!health.monitoring.ok || health.monitoring.overdue > 0 || health.status !== 200) {
    return `/health says ${health.status} ${JSON.stringify(health.monitoring)}`;
  }
  return '';
}

async function unscheduledAfter(
  stack: FaultStack,
  before: Map<string, string[]>,
): Promise<{ unscheduledMonitors: number; lostSchedulers: string[] }> {
  const after = await retried(() => stack.schedulers());
  const unscheduled = await stack.probe.unscheduledMonitorIds();
  const lost = [...before].flatMap(([queue, ids]) => ids.filter((id) => !after.get(queue)?.includes(id)).map((id) => `${queue}:${id}`));
  return { unscheduledMonitors: unscheduled.length, lostSchedulers: lost };
}

/** One line per fault and backend, for the closing note. */
function printTiming(report: FaultReport): void {
  const line = {
    backend: report.backend,
    fault: report.fault,
    allCheckedAgainMs: report.coverage.allCheckedAfterMs,
    checkedAgain: `${report.coverage.checked}/${report.coverage.total}`,
    crashes: report.crashes,
    overdueMax: report.observed.overdueMax,
    staleMax: report.observed.staleMax,
    apiStaleMax: report.observed.apiStaleField ? report.observed.apiStaleMax : 'no field',
    healthOverdueMax: report.observed.healthMonitoringField ? report.observed.healthOverdueMax : 'no field',
    healthNotOkSeen: report.observed.healthNotOkSeen,
    silentNotStaleMax: report.observed.silentNotStaleMax,
    downMax: report.observed.downMax,
    settledAfterMs: report.settledAfterMs,
    unscheduledMonitors: report.unscheduledMonitors,
    lostSchedulers: report.lostSchedulers.length,
    slotDuplicates: report.integrity.slotDuplicates,
    closePairs: report.integrity.closePairs,
    resultsWithoutSlot: report.integrity.resultsWithoutSlot,
    downIncidents: report.integrity.downIncidents,
    alertDeliveries: report.integrity.alertDeliveries,
  };
  console.log(`fault-timing ${JSON.stringify(line)}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
