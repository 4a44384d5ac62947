/** A ready-to-paste way to ping a heartbeat from one kind of scheduler. */
export interface PingSnippet {
  id: string;
  label: string;
  text: string;
}

/** Quiet unless it fails, gives up after 10 s, retries a few times: a ping must never hang or break the job. */
const CURL = 'curl -fsS -m 10 --retry 5 -o /dev/null';
/** When the heartbeat runs on a period, a nightly line stands in for the job's own. */
const EXAMPLE_CRON = '0 2 * * *';

/**
 * The ping URL in the lines people paste into a crontab, a systemd unit or a PowerShell task. With the
 * heartbeat's own cron expression when it has one, so the line matches what is expected.
 */
export function pingSnippets(url: string, cron: string | null): PingSnippet[] {
  const schedule = cron ?? EXAMPLE_CRON;
  return [
    { id: 'crontab', label: 'crontab: ping when the job succeeds', text: `${schedule} /path/to/backup.sh && ${CURL} ${url}` },
    {
      id: 'start-finish',
      label: 'crontab: report the start, then the exit status (a failure alerts at once, a hung run after the grace time)',
      // `$?` is the job's exit status: `/0` is a success, anything else a failure.
      text: `${schedule} ${CURL} ${url}/start; /path/to/backup.sh; ${CURL} ${url}/$?`,
    },
    { id: 'systemd', label: 'systemd service: ping after a successful run', text: `ExecStartPost=/usr/bin/${CURL} ${url}` },
    { id: 'powershell', label: 'PowerShell (Task Scheduler)', text: `Invoke-RestMethod ${url}` },
  ];
}
