import { describe, expect, it } from 'vitest';
import { maskChannelConfig, redactSecrets, restoreMaskedSecrets, secretValuesOf } from './channel-secrets';

const saved = {
  url: 'https://hooks.example/in',
  secret: 'signing-secret-0123456789',
  headers: { authorization: 'Bearer abcdefghijklmnop', 'x-team': 'ops' },
};

describe('channel secrets', () => {
  it('masks secrets, header values included, and leaves the rest readable', () => {
    expect(maskChannelConfig('webhook', saved)).toEqual({
      url: 'https://hooks.example/in',
      secret: '••••6789',
      headers: { authorization: '••••mnop', 'x-team': '••••' },
    });
    expect(maskChannelConfig('telegram', { botToken: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ', chatId: '-100' })).toEqual({
      botToken: '••••WXYZ',
      chatId: '-100',
    });
  });

  it('puts saved values back where the form sent the mask, and takes new values as given', () => {
    const sentBack = {
      ...maskChannelConfig('webhook', saved),
      url: 'https://hooks.example/new',
      headers: { authorization: '••••mnop', 'x-team': 'sre' },
    };
    expect(restoreMaskedSecrets('webhook', sentBack, saved)).toEqual({
      url: 'https://hooks.example/new',
      secret: 'signing-secret-0123456789',
      headers: { authorization: 'Bearer abcdefghijklmnop', 'x-team': 'sre' },
    });
  });

  it('refuses a mask with nothing saved behind it, naming the field', () => {
    expect(() => restoreMaskedSecrets('slack', { webhookUrl: '••••abcd' }, null)).toThrow('config.webhookUrl: enter the value');
    expect(() => restoreMaskedSecrets('webhook', { ...saved, headers: { 'x-new': '••••' } }, saved)).toThrow('config.headers.x-new');
  });

  it('redacts every secret from text, longest first', () => {
    const secrets = secretValuesOf('webhook', saved);
    expect(redactSecrets('sent Bearer abcdefghijklmnop and signing-secret-0123456789', secrets)).toBe('sent •••• and ••••');
  });
});
