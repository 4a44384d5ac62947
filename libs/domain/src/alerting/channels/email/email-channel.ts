import { Resend } from 'resend';
import { emailConfigSchema } from '@mini-netumo/contracts';
import type { ChannelDef, SendOutcome } from '../channel-def';
import { truncate } from '../http/post-json';
import { parseRetryAfter } from '../http/retry-after';
import { testMessage } from '../template/alert-message';
import { toEmailHtml, toEmailSubject, toEmailText } from './email-html';

/**
 * Email through Resend's SDK. The SDK never throws: it answers `{ error }` with the API's status code, and
 * statusCode null when the request itself failed (our timeout included). Resend deduplicates on the
 * Idempotency-Key for 24 hours, so a re-delivery after a crash sends no second email.
 */
export const emailChannel: ChannelDef<'email'> = {
  kind: 'email',
  configSchema: emailConfigSchema,
  async send(message, config, context): Promise<SendOutcome> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const resend = new Resend(config.apiKey, context.resendBaseUrl ? { baseUrl: context.resendBaseUrl } : undefined);
    const signal = AbortSignal.timeout(context.timeoutMs);
    const { error, headers } = await resend.emails.send(
      { from: config.from, to: config.to, subject: toEmailSubject(message), html: toEmailHtml(message), text: toEmailText(message) },
      { idempotencyKey: context.idempotencyKey, signal },
    );
    if (!error) return { ok: true, statusCode: 200, durationMs: elapsed() };
    if (signal.aborted) {
      return {
        ok: false,
        statusCode: null,
        error: `no answer within ${context.timeoutMs} ms`,
        retryAfterMs: null,
        permanent: false,
        durationMs: elapsed(),
      };
    }
    const statusCode = error.statusCode;
    return {
      ok: false,
      statusCode,
      error: truncate(statusCode ? `HTTP ${statusCode} ${error.name}: ${error.message}` : error.message),
      retryAfterMs: statusCode === 429 ? parseRetryAfter(headers?.['retry-after']) : null,
      permanent:
        statusCode !== null && statusCode >= 400 && statusCode < 500 && statusCode !== 408 && statusCode !== 409 && statusCode !== 429,
      durationMs: elapsed(),
    };
  },
  sendTest(config, context) {
    return this.send(testMessage(context.publicUrl), config, context);
  },
};
