import { describe, expect, it } from 'vitest';
import { buildAlertMessage, type AlertFacts } from './alert-message';
import { countdownNote } from './countdown-note';
import { formatDuration } from '@mini-netumo/contracts';

const facts = (overrides: Partial<AlertFacts> = {}): AlertFacts => ({
  type: 'opened',
  incident: { id: 'i-1', kind: 'down', openedAt: new Date('2026-11-25T10:00:00Z'), resolvedAt: null, cause: 'HTTP 503, expected 200-299' },
  monitor: { id: 'm-1', name: 'Shop', kind: 'http', target: 'https://shop.example', status: 'down' },
  at: new Date('2026-11-25T10:00:00Z'),
  publicUrl: 'https://status.example',
  ...overrides,
});

describe('buildAlertMessage', () => {
  it('opened: critical, the cause, a link to the incident', () => {
    expect(buildAlertMessage(facts())).toMatchObject({
      severity: 'critical',
      title: 'Shop is DOWN',
      body: 'HTTP 503, expected 200-299',
      link: 'https://status.example/incidents/i-1',
    });
  });

  it('resolved: says how long it was down', () => {
    const resolvedAt = new Date('2026-11-25T11:02:05Z');
    const message = buildAlertMessage(facts({ type: 'resolved', at: resolvedAt, incident: { ...facts().incident, resolvedAt } }));
    expect(message).toMatchObject({ severity: 'ok', title: 'Shop is UP again', body: 'Shop is UP again after 1h 2m.' });
    expect(message.fields).toContainEqual({ label: 'Duration', value: '1h 2m' });
  });

  it('resolved by hand: names who and keeps the note', () => {
    const resolvedAt = new Date('2026-11-25T10:00:45Z');
    const message = buildAlertMessage(
      facts({
        type: 'resolved',
        at: resolvedAt,
        incident: { ...facts().incident, resolvedAt },
        resolveReason: 'manual',
        actor: 'ana',
        note: 'rolled back',
      }),
    );
    expect(message.body).toBe('Resolved by ana after 45s. Note: rolled back');
  });

  it.each([
    ['reminder', 'Reminder: Shop is DOWN', 'critical'],
    ['flapping', 'Shop is flapping', 'warning'],
    ['settled', 'Shop has stopped flapping: it is DOWN', 'critical'],
  ] as const)('%s', (type, title, severity) => {
    expect(buildAlertMessage(facts({ type, at: new Date('2026-11-25T10:30:00Z') }))).toMatchObject({ title, severity });
  });

  it('acknowledged: short, names who and keeps the note', () => {
    const at = new Date('2026-11-25T10:04:00Z');
    expect(buildAlertMessage(facts({ type: 'acknowledged', at, actor: 'ana', note: 'looking at the db' }))).toMatchObject({
      severity: 'info',
      title: 'Shop: incident acknowledged',
      body: 'Acknowledged by ana after 4m. Note: looking at the db',
    });
    expect(buildAlertMessage(facts({ type: 'acknowledged', at, actor: 'ana' })).body).toBe('Acknowledged by ana after 4m.');
  });

  it('words certificate and domain incidents for what they are', () => {
    expect(buildAlertMessage(facts({ incident: { ...facts().incident, kind: 'tls' } })).title).toBe('Shop has a certificate problem');
    expect(buildAlertMessage(facts({ incident: { ...facts().incident, kind: 'domain' } })).severity).toBe('warning');
  });

  it('a countdown reminder says the days left now, not those in the cause at the opening', () => {
    const incident = {
      ...facts().incident,
      kind: 'tls' as const,
      cause: 'The certificate for shop.example expires in 10 days, on 2026-12-05',
    };
    const expiresAt = new Date('2026-12-05T11:00:00Z');
    const note = countdownNote({ kind: 'tls', name: 'shop.example', daysLeft: 3, expiresAt });
    const message = buildAlertMessage(facts({ type: 'reminder', incident, note, countdownDays: 3, at: new Date('2026-12-02T10:00:00Z') }));
    expect(message).toMatchObject({
      severity: 'warning',
      title: 'Shop: certificate expires within 3 days',
      body: 'The certificate for shop.example expires in 3 days, on 2026-12-05. Open for 7d and not acknowledged.',
    });
  });

  it.each([
    ['tls', 7, 'Shop: certificate expires within 7 days'],
    ['tls', 1, 'Shop: certificate expires within 1 day'],
    ['domain', 3, 'Shop: domain registration expires within 3 days'],
  ] as const)('a %s countdown reminder at the %i-day step says so in its title', (kind, countdownDays, title) => {
    const message = buildAlertMessage(
      facts({ type: 'reminder', incident: { ...facts().incident, kind }, countdownDays, at: new Date('2026-11-26T10:00:00Z') }),
    );
    expect(message.title).toBe(title);
  });

  it('a reminder that is not a countdown keeps the plain title', () => {
    const incident = { ...facts().incident, kind: 'tls' as const };
    expect(buildAlertMessage(facts({ type: 'reminder', incident, countdownDays: null, at: new Date('2026-11-26T10:00:00Z') })).title).toBe(
      'Reminder: Shop has a certificate problem',
    );
  });
});

describe('countdownNote', () => {
  const expiresAt = new Date('2026-12-05T11:00:00Z');
  it.each([
    ['tls', 7, 'The certificate for shop.example expires in 7 days, on 2026-12-05.'],
    ['tls', 1, 'The certificate for shop.example expires in 1 day, on 2026-12-05.'],
    ['domain', 0, 'The domain shop.example expires in less than a day, on 2026-12-05.'],
  ] as const)('%s, %i days left', (kind, daysLeft, text) => {
    expect(countdownNote({ kind, name: 'shop.example', daysLeft, expiresAt })).toBe(text);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [45_000, '45s'],
    [65_000, '1m 5s'],
    [3_600_000, '1h'],
    [90_061_000, '1d 1h'],
  ])('%i ms -> %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
