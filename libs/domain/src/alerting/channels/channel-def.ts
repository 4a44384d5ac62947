import type { z } from 'zod';
import type { ChannelConfigs, ChannelKind } from '@mini-netumo/contracts';
import type { Inbox } from '../inbox/inbox';
import type { AlertMessage } from './template/alert-message';

/**
 * What one call to a provider did. A failed send is data, not an exception: the delivery decides whether
 * to retry (`retryAfterMs` from a 429), fall back, or give up at once (`permanent`, such as a 401).
 */
export type SendOutcome =
  | { ok: true; statusCode: number | null; durationMs: number }
  | { ok: false; statusCode: number | null; error: string; retryAfterMs: number | null; permanent: boolean; durationMs: number };

/** What a send may use besides the message and the channel's config. */
export interface SendContext {
  /** Deadline for the whole call; a provider that hangs is cut off here. */
  timeoutMs: number;
  /** Unique per alert and channel; sent to providers that deduplicate with it. */
  idempotencyKey: string;
  channelId: string | null;
  resendBaseUrl: string | undefined;
  telegramApiBaseUrl: string;
  inbox: Inbox;
}

/** One channel plugin: every `alerting/channels/<kind>/` folder exports one of these. */
export interface ChannelDef<K extends ChannelKind = ChannelKind> {
  kind: K;
  configSchema: z.ZodType<ChannelConfigs[K]>;
  send(message: AlertMessage, config: ChannelConfigs[K], context: SendContext): Promise<SendOutcome>;
  sendTest(config: ChannelConfigs[K], context: SendContext & { publicUrl: string }): Promise<SendOutcome>;
}
