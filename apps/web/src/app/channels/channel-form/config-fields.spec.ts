import { describe, expect, it } from 'vitest';
import { configFields, labelOf, secretHint, toConfig, toInputText } from './config-fields';

describe('configFields', () => {
  it.each([
    [
      'email',
      [
        { key: 'apiKey', type: 'text', secret: true, optional: false },
        { key: 'from', type: 'text', secret: false, optional: false },
        { key: 'to', type: 'list', secret: false, optional: false },
      ],
    ],
    ['slack', [{ key: 'webhookUrl', type: 'text', secret: true, optional: false }]],
    [
      'webhook',
      [
        { key: 'url', type: 'text', secret: false, optional: false },
        { key: 'secret', type: 'text', secret: true, optional: true },
        { key: 'headers', type: 'map', secret: true, optional: true },
      ],
    ],
    [
      'telegram',
      [
        { key: 'botToken', type: 'text', secret: true, optional: false },
        { key: 'chatId', type: 'text', secret: false, optional: false },
      ],
    ],
    ['in-app', []],
  ] as const)('derives %s from the contract schema', (kind, expected) => {
    expect(configFields(kind)).toEqual(expected);
  });
});

describe('toConfig and toInputText', () => {
  const fields = configFields('webhook');

  it('splits lists and header lines', () => {
    expect(toConfig(configFields('email'), { apiKey: 'k', from: 'a@b.c', to: 'x@y.z, w@y.z\n' })).toEqual({
      apiKey: 'k',
      from: 'a@b.c',
      to: ['x@y.z', 'w@y.z'],
    });
    expect(toConfig(fields, { url: 'http://127.0.0.1/h', headers: 'X-Token: ••••abcd\n\nX-A: b:c' })).toEqual({
      url: 'http://127.0.0.1/h',
      secret: '',
      headers: { 'X-Token': '••••abcd', 'X-A': 'b:c' },
    });
  });

  it('round-trips a saved config', () => {
    const headers = fields.find((field) => field.key === 'headers');
    if (!headers) throw new Error('no headers field');
    expect(toInputText(headers, { A: '1', B: '2' })).toBe('A: 1\nB: 2');
    expect(toInputText(configFields('email')[2] ?? headers, ['a@b.c', 'd@e.f'])).toBe('a@b.c\nd@e.f');
    expect(toInputText(headers, null)).toBe('');
  });
});

describe('secretHint', () => {
  it.each([
    ['••••abcd', 'Saved secret ending in abcd; leave it as is to keep it'],
    ['••••', 'Saved secret; leave it as is to keep it'],
    ['plain', null],
  ])('%s → %s', (value, hint) => expect(secretHint(value)).toBe(hint));
});

describe('labelOf', () => {
  it('splits camel case', () => {
    expect(labelOf('webhookUrl')).toBe('Webhook URL');
    expect(labelOf('url')).toBe('URL');
    expect(labelOf('chatId')).toBe('Chat id');
    expect(labelOf('to')).toBe('To');
  });
});
