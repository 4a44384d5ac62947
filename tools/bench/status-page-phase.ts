import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { ensureBundle } from '../build/ensure-bundle';
import { startBare } from './bare-server';
import { closedLoop, openLoop, type LoadResult } from './ping-load';
import { startProductApi, stopProcess, withoutRedis } from './product-processes';
import { seedHistory } from './seed-history';

type Log = (line: string) => void;

export interface StatusPagePlan {
  monitors: number;
  /** Closed loop: requests per second as fast as `concurrency` viewers allow. */
  sustainedSeconds: number;
  concurrency: number;
  /** Open loop: the latency a viewer sees at `fixedRate` requests per second. */
  fixedRate: number;
  fixedSeconds: number;
}

export interface StatusPageFigures {
  /** The first request after the page was made: the snapshot built from PostgreSQL. */
  coldMs: number;
  bytes: number;
  ours: { sustained: LoadResult; fixed: LoadResult };
  bare: { sustained: LoadResult; fixed: LoadResult };
}

const SLUG = 'bench';

/**
 * A status page of `monitors` monitors with a month of history, served by the real api's public listener, against a
 * bare node:http server answering the same bytes in the same run: what a crowd of viewers costs.
 */
export async function runStatusPagePhase(databaseUrl: string, here: string, plan: StatusPagePlan, log: Log): Promise<StatusPageFigures> {
  await ensureBundle('server', log);
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  const ids = await seedHistory(sql, plan.monitors, new Date());
  // Checked a moment ago and not due for a day: up, as a page of healthy monitors reads, with no worker running.
  await sql`update monitors set paused = false, status = 'up', last_checked_at = now(), last_latency_ms = 80, overdue_at = now() + interval '1 day'`;
  await sql.end();
  // Every viewer here is one address, 127.0.0.1: the per-client limit would measure itself, not the page.
  const api = await startProductApi({ ...withoutRedis(), DATABASE_URL: databaseUrl, PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000' });
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-status-'));
  const pagePath = `/status/${SLUG}`;
  let ours: StatusPageFigures['ours'];
  let coldMs: number;
  let body: Buffer;
  try {
    const groups = Array.from({ length: 4 }, (_, g) => ({ name: `Group ${g + 1}`, monitorIds: ids.filter((_id, i) => i % 4 === g) }));
    const created = await fetch(`${api.adminBase}/trpc/statusPages.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { slug: SLUG, title: 'Bench status', groups } }),
    });
    if (!created.ok) throw new Error(`statusPages.create answered ${created.status}: ${await created.text()}`);
    const started = performance.now();
    const first = await fetch(`${api.publicBase}${pagePath}`, { headers: { 'accept-encoding': 'identity' } });
    body = Buffer.from(await first.arrayBuffer());
    coldMs = Math.round(performance.now() - started);
    if (first.status !== 200) throw new Error(`${pagePath} answered ${first.status}`);
    log(`status page: ${plan.monitors} monitors, ${body.length} bytes, first (cold) answer in ${coldMs} ms`);
    await closedLoop(api.publicBase, [pagePath], 1_000, plan.concurrency);
    ours = await measure(api.publicBase, [pagePath], 'status page', plan, log);
  } finally {
    await stopProcess(api.process);
  }
  const bodyFile = path.join(dir, 'page.html');
  writeFileSync(bodyFile, body);
  const bare = await startBare(here, bodyFile);
  try {
    await closedLoop(bare.base, ['/'], 1_000, plan.concurrency);
    return { coldMs, bytes: body.length, ours, bare: await measure(bare.base, ['/'], 'bare node:http, same bytes', plan, log) };
  } finally {
    await stopProcess(bare.process);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(base: string, paths: string[], who: string, plan: StatusPagePlan, log: Log) {
  const sustained = await closedLoop(base, paths, plan.sustainedSeconds * 1_000, plan.concurrency);
  log(`${who}: ${sustained.perSecond.toFixed(0)} requests/s sustained (p50 ${sustained.p50Ms} ms, p99 ${sustained.p99Ms} ms)`);
  const fixed = await openLoop(base, paths, plan.fixedSeconds * 1_000, plan.fixedRate);
  log(`${who}: at ${plan.fixedRate}/s p50 ${fixed.p50Ms} ms, p95 ${fixed.p95Ms} ms, p99 ${fixed.p99Ms} ms`);
  return { sustained, fixed };
}
