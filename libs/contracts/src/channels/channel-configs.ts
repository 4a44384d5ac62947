import { z } from 'zod';
import { requestHeadersSchema } from '../http-check';
import { storableText } from '../storable-text';
import { isMaskedSecret } from './secret-mask';

/** Every way we can tell someone. Adding one here fails the type check until each registry has it. */
export const CHANNEL_KINDS = ['email', 'slack', 'discord', 'webhook', 'telegram', 'in-app'] as const;
export const channelKindSchema = z.enum(CHANNEL_KINDS, { error: `kind must be one of ${CHANNEL_KINDS.join(', ')}` });
export type ChannelKind = z.infer<typeof channelKindSchema>;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why a URL cannot receive notifications, or null. Plain http is allowed to loopback only (local testing). */
function endpointProblem(field: string, value: string, httpsOnly: boolean): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${field} must be a valid absolute URL such as https://example.com/hook`;
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && (!httpsOnly || loopback))) {
    return url.username || url.password ? `${field} must not contain a user name or password` : null;
  }
  return httpsOnly ? `${field} must start with https://` : `${field} must start with http:// or https://`;
}

const endpointUrl = (field: string, httpsOnly: boolean) =>
  z
    .string({ error: `${field} is required` })
    .check(storableText(field))
    .trim()
    .min(1, { error: `${field} is required` })
    .max(2048, { error: `${field} must be at most 2048 characters` })
    .superRefine((value, ctx) => {
      const problem = endpointProblem(field, value, httpsOnly);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/**
 * A secret as a form sends it: either a new value, checked by `check`, or the masked value the API showed,
 * which means "keep the saved one" (the service refuses a masked value where nothing is saved).
 */
const secret = (field: string, check: z.ZodType<string>) =>
  z
    .string({ error: `${field} is required` })
    .check(storableText(field))
    .trim()
    .min(1, { error: `${field} is required` })
    .superRefine((value, ctx) => {
      if (isMaskedSecret(value)) return;
      const parsed = check.safeParse(value);
      if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
    });

const emailAddress = z
  .string({ error: 'to must list email addresses' })
  .check(storableText('to'))
  .trim()
  .pipe(z.email({ error: (issue) => `to: "${String(issue.input)}" is not an email address` }));

/** `ops@example.com` or `Monitor <ops@example.com>`, as Resend accepts it. */
const SENDER = /^(?:[^<>]*<\s*([^<>\s]+)\s*>|([^<>\s]+))$/;

/** Email through Resend: the API key, a verified sender and the recipients. */
export const emailConfigSchema = z.object({
  apiKey: secret('apiKey', z.string().max(200, { error: 'apiKey must be at most 200 characters' })),
  from: z
    .string({ error: 'from is required' })
    .check(storableText('from'))
    .trim()
    .min(1, { error: 'from is required' })
    .refine(
      (value) => {
        const address = SENDER.exec(value);
        return !!address && z.email().safeParse(address[1] ?? address[2]).success;
      },
      { error: 'from must be an email address or "Name <address>"' },
    ),
  to: z
    .array(emailAddress, { error: 'to must be a list of email addresses' })
    .min(1, { error: 'to must list at least one email address' })
    .max(50, { error: 'to must list at most 50 email addresses' }),
});

/** A Slack incoming webhook; the URL itself is the credential. */
export const slackConfigSchema = z.object({ webhookUrl: secret('webhookUrl', endpointUrl('webhookUrl', true)) });

/** A Discord channel webhook; the URL itself is the credential. */
export const discordConfigSchema = z.object({ webhookUrl: secret('webhookUrl', endpointUrl('webhookUrl', true)) });

/** Any HTTP endpoint: JSON body, optional HMAC-SHA256 signature with `secret`, extra headers (their values are secret). */
export const webhookConfigSchema = z.object({
  url: endpointUrl('url', false),
  /** Empty means "do not sign". */
  secret: z
    .preprocess(
      (value) => (value === '' ? null : value),
      secret(
        'secret',
        z.string().min(16, { error: 'secret must be at least 16 characters' }).max(200, { error: 'secret must be at most 200 characters' }),
      ).nullable(),
    )
    .default(null),
  headers: requestHeadersSchema.default({}),
});

/** A Telegram bot and the chat it writes to. */
export const telegramConfigSchema = z.object({
  botToken: secret(
    'botToken',
    z.string().regex(/^\d+:[A-Za-z0-9_-]{20,}$/, { error: 'botToken must look like 123456789:AAH…, as BotFather gives it' }),
  ),
  chatId: z
    .string({ error: 'chatId is required' })
    .check(storableText('chatId'))
    .trim()
    .regex(/^(?:-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{4,})$/, { error: 'chatId must be a numeric chat id or @channelname' }),
});

/** The dashboard's own notification centre: nothing to configure. */
export const inAppConfigSchema = z.object({});

/** One config schema per kind; the object type makes a missing kind a compile error. */
export const CHANNEL_CONFIG_SCHEMAS = {
  email: emailConfigSchema,
  slack: slackConfigSchema,
  discord: discordConfigSchema,
  webhook: webhookConfigSchema,
  telegram: telegramConfigSchema,
  'in-app': inAppConfigSchema,
} as const satisfies Record<ChannelKind, z.ZodType>;

export type ChannelConfigs = { [K in ChannelKind]: z.output<(typeof CHANNEL_CONFIG_SCHEMAS)[K]> };
export type ChannelConfig = ChannelConfigs[ChannelKind];

/**
 * Which config fields are secret, per kind: masked in API output, never logged. `values-of:` marks a map
 * whose every value is secret (custom webhook headers often carry tokens).
 */
export const CHANNEL_SECRET_FIELDS = {
  email: ['apiKey'],
  slack: ['webhookUrl'],
  discord: ['webhookUrl'],
  webhook: ['secret', 'values-of:headers'],
  telegram: ['botToken'],
  'in-app': [],
} as const satisfies Record<ChannelKind, readonly string[]>;
