import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';

/** What the dashboard's build reads: its sources, the contracts and the router types it imports, its config. */
const DASHBOARD_INPUTS = [
  'apps/web/src',
  'apps/web/public',
  'apps/web/project.json',
  'apps/web/tsconfig.app.json',
  'libs/contracts/src',
  'libs/api/src',
];

export const dashboardIndex = (root: string) => path.join(root, 'dist/apps/web/browser/index.html');

/**
 * Whether the built dashboard is missing or older than anything it is built from, so `npm start` after a
 * `git pull` serves the new dashboard rather than the one built before it.
 */
export function isDashboardStale(root: string): boolean {
  const index = dashboardIndex(root);
  if (!existsSync(index)) return true;
  const builtAt = statSync(index).mtimeMs;
  return DASHBOARD_INPUTS.some((input) => newerThan(path.join(root, input), builtAt));
}

function newerThan(file: string, time: number): boolean {
  if (!existsSync(file)) return false;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs > time;
  // A removed file shows as a newer directory.
  if (stat.mtimeMs > time) return true;
  return readdirSync(file).some((entry) => newerThan(path.join(file, entry), time));
}

/** Nx may answer a build from its cache and leave matching files untouched: the build is now, all the same. */
function markDashboardBuilt(root: string): void {
  const now = new Date();
  utimesSync(dashboardIndex(root), now, now);
}

/** Builds the dashboard when it is missing or stale (see isDashboardStale); `npm start` and the bench both need it. */
export function ensureDashboard(root: string, env: NodeJS.ProcessEnv, log: (line: string) => void): void {
  if (!isDashboardStale(root)) return;
  log(
    existsSync(dashboardIndex(root)) ? 'rebuilding the dashboard (its sources changed)...' : 'building the dashboard (first start only)...',
  );
  const build = spawnSync('npx', ['nx', 'build', 'web'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  if (build.status !== 0) throw new Error('dashboard build failed');
  markDashboardBuilt(root);
}
