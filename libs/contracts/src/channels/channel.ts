import { z } from 'zod';
import { deliveryStatusSchema } from '../alert';
import { CHANNEL_CONFIG_SCHEMAS, CHANNEL_KINDS, type ChannelKind } from './channel-configs';
import { storableText } from '../storable-text';

export const CHANNEL_LIMITS = {
  name: { max: 100 },
  reminderIntervalMinutes: { min: 1, max: 10_080 },
} as const;

const channelId = (field: string) => z.uuid({ error: `${field} must be a channel id (uuid)` });

/** Settings every channel has, whatever its kind. */
const channelSettings = {
  name: z
    .string({ error: 'name is required' })
    .check(storableText('name'))
    .trim()
    .min(1, { error: 'name is required' })
    .max(CHANNEL_LIMITS.name.max, { error: `name must be at most ${CHANNEL_LIMITS.name.max} characters` }),
  enabled: z.boolean({ error: 'enabled must be true or false' }).default(true),
  /** Monitors created without a channel list use every default channel. */
  isDefault: z.boolean({ error: 'isDefault must be true or false' }).default(false),
  /** Gets an alert this channel could not deliver after its last attempt. */
  fallbackChannelId: channelId('fallbackChannelId').nullable().default(null),
  /** Repeat an open, unacknowledged incident this often; null (the default) sends no reminders. */
  reminderIntervalMinutes: z
    .number({ error: 'reminderIntervalMinutes must be a number' })
    .int({ error: 'reminderIntervalMinutes must be a whole number' })
    .min(CHANNEL_LIMITS.reminderIntervalMinutes.min, {
      error: `reminderIntervalMinutes must be at least ${CHANNEL_LIMITS.reminderIntervalMinutes.min}`,
    })
    .max(CHANNEL_LIMITS.reminderIntervalMinutes.max, {
      error: `reminderIntervalMinutes must be at most ${CHANNEL_LIMITS.reminderIntervalMinutes.max}`,
    })
    .nullable()
    .default(null),
  /** Also gets the notices about monitoring itself: degraded (monitors overdue) and recovered. */
  systemNotices: z.boolean({ error: 'systemNotices must be true or false' }).default(false),
};

/** One object schema per kind, with `extra` fields beside kind and config; the union discriminates on kind. */
function byKind<Extra extends z.ZodRawShape>(extra: Extra) {
  const of = <K extends ChannelKind>(kind: K) => z.object({ ...extra, kind: z.literal(kind), config: CHANNEL_CONFIG_SCHEMAS[kind] });
  return [of('email'), of('slack'), of('discord'), of('webhook'), of('telegram'), of('in-app')] as const;
}

/** The union above lists every kind: a kind added to CHANNEL_KINDS but not to byKind fails `tsc` here. */
type KindsInUnion = ReturnType<typeof byKind<z.ZodRawShape>>[number]['shape']['kind']['value'];
export const CHANNEL_UNION_COVERS_EVERY_KIND: Exclude<ChannelKind, KindsInUnion> extends never ? true : never = true;

const KIND_ERROR = { error: `kind must be one of ${CHANNEL_KINDS.join(', ')}` };

/** What a user sends to create a channel; the config is checked against the kind's schema. */
export const channelInputSchema = z.discriminatedUnion('kind', byKind(channelSettings), KIND_ERROR);
export type ChannelInput = z.input<typeof channelInputSchema>;
export type ChannelSettings = z.output<typeof channelInputSchema>;

/**
 * Replaces a channel's settings (send the whole form). The kind cannot change; a secret sent back masked,
 * as the API showed it, keeps its saved value.
 */
export const channelUpdateSchema = z.discriminatedUnion('kind', byKind({ ...channelSettings, id: channelId('id') }), KIND_ERROR);
export type ChannelUpdate = z.input<typeof channelUpdateSchema>;

export const channelIdSchema = z.object({ id: channelId('id') });

/** A test send of a config not saved yet; with `id`, masked secrets are taken from that saved channel. */
export const channelTestDraftSchema = z.discriminatedUnion('kind', byKind({ id: channelId('id').optional() }), KIND_ERROR);
export type ChannelTestDraft = z.input<typeof channelTestDraftSchema>;

/** What a test send did, shown beside the form. */
export const channelTestResultSchema = z.object({
  ok: z.boolean(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
});
export type ChannelTestResult = z.infer<typeof channelTestResultSchema>;

/** A channel as the API returns it: secrets masked (`••••abcd`), plus how its latest delivery went. */
export const channelSchema = z.discriminatedUnion(
  'kind',
  byKind({
    id: z.uuid(),
    name: z.string(),
    enabled: z.boolean(),
    isDefault: z.boolean(),
    fallbackChannelId: z.uuid().nullable(),
    reminderIntervalMinutes: z.number().int().nullable(),
    systemNotices: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
    lastDelivery: z.object({ status: deliveryStatusSchema, at: z.date(), error: z.string().nullable() }).nullable(),
  }),
);
export type Channel = z.infer<typeof channelSchema>;

/** `channels.delete`: the channel that is gone, and the monitors that alerted it and no longer do. */
export const channelDeletedSchema = z.object({ id: z.uuid(), detachedMonitors: z.array(z.object({ id: z.uuid(), name: z.string() })) });
export type ChannelDeleted = z.infer<typeof channelDeletedSchema>;
export type ChannelDraft = z.output<typeof channelTestDraftSchema>;
