import { describe, expect, it } from 'vitest';
import { createCoalescedSender } from './coalesced-sender';

/** A transport that keeps what it was given; `fail` makes the next message fail. */
function recordingTransport() {
  const messages: string[] = [];
  let fail = false;
  return {
    messages,
    failNext: () => (fail = true),
    async transmit(message: string) {
      if (fail) {
        fail = false;
        throw new Error('transport down');
      }
      messages.push(message);
    },
  };
}

describe('createCoalescedSender', () => {
  it('sends what was published in one turn as one message, in order', async () => {
    const transport = recordingTransport();
    const sender = createCoalescedSender(transport.transmit);
    await Promise.all(['{"a":1}', '{"b":2}', '{"c":3}'].map((encoded) => sender.send(encoded)));
    await sender.send('{"d":4}');
    expect(transport.messages).toEqual(['[{"a":1},{"b":2},{"c":3}]', '[{"d":4}]']);
    expect(JSON.parse(transport.messages[0] ?? '')).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
  });

  it('splits a burst so that no message is over the limit', async () => {
    const transport = recordingTransport();
    const sender = createCoalescedSender(transport.transmit, 20);
    const encoded = ['"aaaaaa"', '"bbbbbb"', '"cccccc"', '"dddddd"', '"eeeeee"']; // 8 bytes each
    await Promise.all(encoded.map((each) => sender.send(each)));
    expect(transport.messages).toEqual(['["aaaaaa","bbbbbb"]', '["cccccc","dddddd"]', '["eeeeee"]']);
    expect(transport.messages.every((message) => Buffer.byteLength(message) <= 20)).toBe(true);
  });

  it('fails the sends of a message that could not go, and still sends the next', async () => {
    const transport = recordingTransport();
    const sender = createCoalescedSender(transport.transmit);
    transport.failNext();
    const failed = Promise.allSettled([sender.send('1'), sender.send('2')]);
    expect((await failed).map((each) => each.status)).toEqual(['rejected', 'rejected']);
    await sender.send('3');
    expect(transport.messages).toEqual(['[3]']);
  });

  it('sends what is waiting at once on flush', async () => {
    const transport = recordingTransport();
    const sender = createCoalescedSender(transport.transmit);
    const sent = sender.send('1');
    await sender.flush();
    expect(transport.messages).toEqual(['[1]']);
    await sent;
  });
});
