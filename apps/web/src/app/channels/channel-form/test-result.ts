import type { ChannelTestResult } from '@mini-netumo/contracts';

/** A test send's answer in one line: "Delivered (HTTP 200, 35 ms)" or "Failed: …". */
export function testResultText(result: ChannelTestResult): string {
  const facts = [result.statusCode === null ? null : `HTTP ${result.statusCode}`, `${result.durationMs} ms`].filter(Boolean).join(', ');
  return result.ok ? `Delivered (${facts})` : `Failed (${facts}): ${result.error ?? 'no answer'}`;
}
