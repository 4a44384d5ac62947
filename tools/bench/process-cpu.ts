import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (USER_HZ: 100 on every Linux we run on). */
const TICKS_PER_SECOND = 100;

/** CPU milliseconds (user + system) each process has used so far, by pid; a process gone meanwhile is absent. */
export function cpuMsByPid(pids: number[]): Map<number, number> {
  const used = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The command name may hold spaces and parentheses; the fields after its closing ')' are fixed.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      used.set(pid, (ticks * 1_000) / TICKS_PER_SECOND);
    } catch {
      // Exited between listing and reading: its CPU is no longer readable.
    }
  }
  return used;
}

/** Every process whose command name is `name` (postgres backends, redis-server). */
export function pidsNamed(name: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) pids.push(Number(entry));
    } catch {
      // Exited while listing.
    }
  }
  return pids;
}

/**
 * CPU used by groups of processes over a window. Processes are listed again at the end, so a connection's
 * backend started during the window counts whole; one that exited during it is lost (pools keep theirs open).
 */
export function startCpuWindow(groups: Record<string, () => number[]>): () => Record<string, number> {
  const before = new Map(Object.entries(groups).map(([group, list]) => [group, cpuMsByPid(list())]));
  return () =>
    Object.fromEntries(
      Object.entries(groups).map(([group, list]) => {
        const start = before.get(group) ?? new Map<number, number>();
        let total = 0;
        for (const [pid, ms] of cpuMsByPid(list())) total += ms - (start.get(pid) ?? 0);
        return [group, total];
      }),
    );
}
