import { describe, expect, it } from 'vitest';
import { pingSnippets } from './ping-snippets';

const URL = 'https://status.example.com/ping/abcDEF123_-abcDEF123_-ab';

describe('pingSnippets', () => {
  it('puts the URL in a crontab line, a start/exit-status line, a systemd unit line and PowerShell', () => {
    expect(Object.fromEntries(pingSnippets(URL, null).map((snippet) => [snippet.id, snippet.text]))).toEqual({
      crontab: `0 2 * * * /path/to/backup.sh && curl -fsS -m 10 --retry 5 -o /dev/null ${URL}`,
      'start-finish': `0 2 * * * curl -fsS -m 10 --retry 5 -o /dev/null ${URL}/start; /path/to/backup.sh; curl -fsS -m 10 --retry 5 -o /dev/null ${URL}/$?`,
      systemd: `ExecStartPost=/usr/bin/curl -fsS -m 10 --retry 5 -o /dev/null ${URL}`,
      powershell: `Invoke-RestMethod ${URL}`,
    });
  });

  it('uses the heartbeat’s own cron expression in the crontab lines', () => {
    const [crontab, startFinish] = pingSnippets(URL, '*/15 * * * *');
    expect(crontab?.text).toMatch(/^\*\/15 \* \* \* \* \/path\/to\/backup\.sh/);
    expect(startFinish?.text).toMatch(/^\*\/15 \* \* \* \* curl/);
  });
});
