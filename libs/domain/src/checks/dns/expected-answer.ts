import type { DnsRecordType } from '@mini-netumo/contracts';

const MESSAGE_ANSWER_CHARS = 80;
const MESSAGE_LIST_CHARS = 300;

/**
 * Whether one answer satisfies `expected`, by what the record holds:
 * - A/AAAA: the same address (AAAA in canonical form). A substring would let 10.0.0.1 pass on 10.0.0.12.
 * - CNAME/NS/MX: case-insensitive substring, trailing dots ignored: names are case-insensitive (RFC 4343), and
 *   `cloudflare.com` should accept any of its name servers, `mail.example.com` an MX of `10 mail.example.com`.
 * - TXT: exact, case-sensitive substring: values are opaque (verification tokens, base64 DKIM keys) where case
 *   matters, and `v=spf1` should find an SPF record among the others.
 */
export function answerMatches(recordType: DnsRecordType, expected: string, answer: string): boolean {
  switch (recordType) {
    case 'A':
      return answer === expected;
    case 'AAAA':
      return canonicalIpv6(answer) === canonicalIpv6(expected);
    case 'TXT':
      return answer.includes(expected);
    default:
      return bareName(answer).includes(bareName(expected));
  }
}

/** What a user reads when no answer matched: what was expected and (a bounded list of) what came back. */
export function describeMismatch(recordType: DnsRecordType, hostname: string, expected: string, answers: string[]): string {
  const how = recordType === 'A' || recordType === 'AAAA' ? 'equal to' : 'containing';
  const received = clip(answers.map((answer) => clip(answer, MESSAGE_ANSWER_CHARS)).join(', '), MESSAGE_LIST_CHARS);
  const count = answers.length === 1 ? '1 answer' : `${answers.length} answers`;
  return `expected a ${recordType} answer for ${hostname} ${how} "${clip(expected, MESSAGE_ANSWER_CHARS)}", got ${count}: ${received}`;
}

export function clip(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, maxChars - 1)}…`;
}

const bareName = (name: string) => name.toLowerCase().replace(/\.$/, '');

/** `2001:0DB8::0001` and `2001:db8::1` are one address; the URL parser writes both the same way. */
function canonicalIpv6(address: string): string {
  try {
    return new URL(`http://[${address}]/`).hostname;
  } catch {
    return address.toLowerCase();
  }
}
