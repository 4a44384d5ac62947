import {
  formatDuration,
  type AlertType,
  type Incident,
  type IncidentKind,
  type MonitorKind,
  type NotificationSeverity,
  type ResolveReason,
} from '@mini-netumo/contracts';

/** Notices about monitoring itself (the schedule watchdog), not about a monitor. */
export type SystemNoticeType = 'monitoring.degraded' | 'monitoring.recovered';

/** What every channel says, before it is formatted for the medium (Block Kit, embed, HTML, JSON…). */
export interface AlertMessage {
  type: AlertType | 'test' | SystemNoticeType;
  severity: NotificationSeverity;
  title: string;
  body: string;
  fields: { label: string; value: string }[];
  /** The incident in the dashboard; null for a test. */
  link: string | null;
  incidentId: string | null;
  /** `url` for an HTTP monitor (null for other kinds), kept for webhook consumers; `target` names what is watched for every kind. */
  monitor: { id: string; name: string; kind: MonitorKind; target: string; url: string | null } | null;
  occurredAt: Date;
}

/** Everything a notice is made from, all read from the database, so a retry sends the very same message. */
export interface AlertFacts {
  type: AlertType;
  incident: Pick<Incident, 'id' | 'kind' | 'openedAt' | 'resolvedAt' | 'cause'>;
  monitor: { id: string; name: string; kind: MonitorKind; target: string; status: string };
  /** When the event happened (opened, resolved, the reminder or flapping notice). */
  at: Date;
  resolveReason?: ResolveReason | null;
  actor?: string | null;
  note?: string | null;
  /** A countdown reminder's step: the days left have reached it (they may be fewer if a check was missed). */
  countdownDays?: number | null;
  publicUrl: string;
}

const TROUBLE: Record<IncidentKind, { title: string; severity: NotificationSeverity; over: string }> = {
  down: { title: 'is DOWN', severity: 'critical', over: 'is UP again' },
  tls: { title: 'has a certificate problem', severity: 'warning', over: 'has a valid certificate again' },
  domain: { title: 'has a domain registration about to expire', severity: 'warning', over: 'has its domain renewed' },
};

const EXPIRING: Record<Exclude<IncidentKind, 'down'>, string> = { tls: 'certificate', domain: 'domain registration' };

/** The one place that words alerts. */
export function buildAlertMessage(facts: AlertFacts): AlertMessage {
  const { incident, monitor } = facts;
  const trouble = TROUBLE[incident.kind];
  const since = incident.openedAt;
  const base = {
    type: facts.type,
    link: `${facts.publicUrl}/incidents/${incident.id}`,
    incidentId: incident.id,
    monitor: {
      id: monitor.id,
      name: monitor.name,
      kind: monitor.kind,
      target: monitor.target,
      url: monitor.kind === 'http' ? monitor.target : null,
    },
    occurredAt: facts.at,
  };
  const common = [
    { label: 'Monitor', value: monitor.name },
    { label: monitor.kind === 'http' ? 'URL' : 'Target', value: monitor.target },
  ];
  switch (facts.type) {
    case 'opened':
      return {
        ...base,
        severity: trouble.severity,
        title: `${monitor.name} ${trouble.title}`,
        body: incident.cause ?? 'Its checks are failing.',
        fields: [...common, { label: 'Since', value: since.toISOString() }],
      };
    case 'reminder': {
      const open = formatDuration(facts.at.getTime() - since.getTime());
      // A countdown reminder's note says the days left now; the cause still says those at the opening.
      const body = facts.note
        ? `${facts.note} Open for ${open} and not acknowledged.`
        : `Still open after ${open} and not acknowledged. ${incident.cause ?? ''}`.trim();
      return {
        ...base,
        severity: trouble.severity,
        title: countdownTitle(facts) ?? `Reminder: ${monitor.name} ${trouble.title}`,
        body,
        fields: [...common, { label: 'Since', value: since.toISOString() }],
      };
    }
    case 'resolved': {
      const downtime = formatDuration((incident.resolvedAt ?? facts.at).getTime() - since.getTime());
      const manual = facts.resolveReason === 'manual';
      const body = manual
        ? `Resolved by ${facts.actor ?? 'a user'} after ${downtime}.${facts.note ? ` Note: ${facts.note}` : ''}`
        : `${monitor.name} ${trouble.over} after ${downtime}.`;
      return {
        ...base,
        severity: 'ok',
        title: manual ? `${monitor.name}: incident resolved` : `${monitor.name} ${trouble.over}`,
        body,
        fields: [...common, { label: 'Duration', value: downtime }, { label: 'Since', value: since.toISOString() }],
      };
    }
    case 'flapping':
      return {
        ...base,
        severity: 'warning',
        title: `${monitor.name} is flapping`,
        body: `${facts.note ?? 'It keeps changing between up and down.'} Further up/down alerts are held until it settles.`,
        fields: common,
      };
    case 'settled': {
      const down = monitor.status === 'down';
      return {
        ...base,
        severity: down ? 'critical' : 'ok',
        title: `${monitor.name} has stopped flapping: it is ${down ? 'DOWN' : 'UP'}`,
        body: down ? (incident.cause ?? 'Its checks are failing.') : 'Its checks pass again.',
        fields: common,
      };
    }
    case 'acknowledged':
      // Short on purpose: the on-call team already has the details; it needs to know someone took it.
      return {
        ...base,
        severity: 'info',
        title: `${monitor.name}: incident acknowledged`,
        body: `Acknowledged by ${facts.actor ?? 'a user'} after ${formatDuration(facts.at.getTime() - since.getTime())}.${facts.note ? ` Note: ${facts.note}` : ''}`,
        fields: [...common, { label: 'Since', value: since.toISOString() }],
      };
  }
}

/**
 * "Shop: certificate expires within 3 days". "Within", not "in": the step is what the days left reached, and a
 * missed check can bring them below it; the body (the countdown note) gives the exact days.
 */
function countdownTitle(facts: AlertFacts): string | null {
  const days = facts.countdownDays ?? null;
  if (days === null || facts.incident.kind === 'down') return null;
  return `${facts.monitor.name}: ${EXPIRING[facts.incident.kind]} expires within ${days} day${days === 1 ? '' : 's'}`;
}

/** What `sendTest` sends: proves the settings work without pretending anything is down. */
export function testMessage(publicUrl: string, at = new Date()): AlertMessage {
  return {
    type: 'test',
    severity: 'info',
    title: 'Test notification from mini-netumo',
    body: 'If you can read this, the channel is set up correctly.',
    fields: [{ label: 'Dashboard', value: publicUrl }],
    link: null,
    incidentId: null,
    monitor: null,
    occurredAt: at,
  };
}

/** A glyph that carries the severity in media without colour (Telegram, email subjects, Slack headers). */
export const SEVERITY_EMOJI: Record<NotificationSeverity, string> = { critical: '🔴', warning: '🟠', ok: '✅', info: 'ℹ️' };
