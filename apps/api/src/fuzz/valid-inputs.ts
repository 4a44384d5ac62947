/** Rows the fuzz run creates first, so near-valid inputs can name things that exist. */
export interface FuzzFixtures {
  monitorId: string;
  channelId: string;
  windowId: string;
  statusPageId: string;
}

/** Every URL points at loopback, at ports nothing listens on: the api may send a test notification, nothing else. */
export const LOOPBACK_TARGETS = {
  monitor: 'http://127.0.0.1:9/fuzz',
  hook: 'http://127.0.0.1:1/fuzz-hook',
  secureHook: 'https://127.0.0.1:1/fuzz-hook',
} as const;

const monitor = {
  name: 'Fuzz target',
  url: LOOPBACK_TARGETS.monitor,
  intervalSeconds: 60,
  timeoutMs: 2_000,
  expectedStatusCodes: '200-299,301',
  method: 'POST',
  headers: { Authorization: 'Bearer fuzz-secret', 'X-Trace': 'abc' },
  body: '{"ping":true}',
  bodyAssertion: { type: 'json', path: '$.status', op: 'equals', value: 'ok' },
  retries: 1,
  tlsAlertDays: 14,
  domainAlertDays: 20,
  expiryReminderDays: [7, 3, 1],
  paused: true,
};

const channelConfigs = [
  { kind: 'webhook', config: { url: LOOPBACK_TARGETS.hook, secret: 'sixteen-chars-or-more', headers: { 'X-Api-Key': 'fuzz-secret' } } },
  { kind: 'slack', config: { webhookUrl: LOOPBACK_TARGETS.secureHook } },
  { kind: 'discord', config: { webhookUrl: LOOPBACK_TARGETS.secureHook } },
  { kind: 'email', config: { apiKey: 're_fuzz_key', from: 'Monitor <monitor@example.com>', to: ['ops@example.com'] } },
  { kind: 'telegram', config: { botToken: '123456789:AAHabcdefghijklmnopqrstuvwxyz', chatId: '-100123' } },
  { kind: 'in-app', config: {} },
];

const windowSchedules = [
  { type: 'once', startsAt: new Date('2030-01-01T00:00:00Z'), endsAt: new Date('2030-01-01T02:00:00Z') },
  { type: 'weekly', weekdays: [0, 6], startTime: '02:30', durationMinutes: 60, timeZone: 'Europe/Paris' },
  { type: 'cron', expression: '0 2 * * sun', durationMinutes: 90, timeZone: 'UTC' },
];

/** Valid inputs per procedure path; a procedure missing here (one without input) is fuzzed from `{}`. */
export function validInputs(ids: FuzzFixtures): Record<string, readonly unknown[]> {
  const since = new Date(Date.now() - 86_400_000);
  const now = new Date();
  return {
    'monitors.get': [{ id: ids.monitorId }],
    'monitors.create': [monitor, { name: 'Plain', url: LOOPBACK_TARGETS.monitor }],
    'monitors.update': [
      { id: ids.monitorId, patch: { name: 'Renamed', headers: { 'X-Token': 'fuzz-secret' } } },
      { id: ids.monitorId, patch: { bodyAssertion: { type: 'regex', pattern: '^ok$', flags: 'i' }, body: 'x' } },
    ],
    'monitors.delete': [{ id: ids.monitorId }],
    'monitors.pause': [{ id: ids.monitorId }],
    'monitors.resume': [{ id: ids.monitorId }],
    'monitors.checkNow': [{ id: ids.monitorId }],
    'monitors.checkExpiryNow': [{ id: ids.monitorId }],
    'results.recent': [{ monitorId: ids.monitorId, limit: 10 }],
    'results.list': [{ monitorId: ids.monitorId, from: since, to: now, kind: 'timeout', verdict: 'down', limit: 50, cursor: 'abc' }],
    'incidents.list': [{ monitorId: ids.monitorId, state: 'open', kind: 'down', limit: 10, offset: 0 }],
    'incidents.get': [{ id: ids.monitorId }],
    'incidents.acknowledge': [{ id: ids.monitorId, by: 'fuzz', note: 'looking' }],
    'incidents.resolve': [{ id: ids.monitorId, by: 'fuzz', note: 'fixed' }],
    'stats.monitor': [{ monitorId: ids.monitorId, window: '7d' }],
    'stats.export': [{ monitorId: ids.monitorId, what: 'hourly', from: since, to: now }],
    'tls.get': [{ monitorId: ids.monitorId }],
    'domains.get': [{ monitorId: ids.monitorId }],
    'expiry.upcoming': [{ withinDays: 30 }],
    'channels.get': [{ id: ids.channelId }],
    'channels.create': channelConfigs.map((kindAndConfig) => ({ name: 'Fuzz channel', ...kindAndConfig, reminderIntervalMinutes: 30 })),
    'channels.update': channelConfigs.slice(0, 1).map((kindAndConfig) => ({ id: ids.channelId, name: 'Fuzz hook', ...kindAndConfig })),
    'channels.delete': [{ id: ids.channelId }],
    'channels.test': [{ id: ids.channelId }],
    'channels.testDraft': channelConfigs.map((kindAndConfig) => ({ ...kindAndConfig })),
    'alerts.list': [{ status: 'dead', monitorId: ids.monitorId, limit: 5, offset: 2 }],
    'alerts.retry': [{ id: ids.monitorId }],
    'alerts.discard': [{ id: ids.monitorId }],
    'notifications.list': [{ unreadOnly: true, limit: 20, offset: 0 }],
    'notifications.markRead': [{ ids: [ids.monitorId] }, { all: true }],
    'maintenanceWindows.list': [{ monitorId: ids.monitorId }],
    'maintenanceWindows.create': windowSchedules.map((schedule) => ({ name: 'Fuzz window', monitorId: ids.monitorId, schedule })),
    'maintenanceWindows.delete': [{ id: ids.windowId }],
    'statusPages.get': [{ id: ids.statusPageId }],
    'statusPages.create': [
      {
        slug: 'fuzz-page',
        title: 'Fuzz page',
        description: 'All systems',
        showTargets: true,
        groups: [{ name: 'Web', monitorIds: [ids.monitorId] }],
        displayNames: { [ids.monitorId]: 'Public name' },
      },
    ],
    'statusPages.update': [{ id: ids.statusPageId, title: 'Renamed', groups: [{ name: 'All', monitorIds: [ids.monitorId] }] }],
    'statusPages.delete': [{ id: ids.statusPageId }],
    'incidents.postUpdate': [{ id: ids.monitorId, state: 'identified', message: 'We found it.' }],
    'incidents.editUpdate': [{ updateId: ids.monitorId, state: 'monitoring', message: 'Watching.' }],
    'incidents.deleteUpdate': [{ updateId: ids.monitorId }],
  };
}
