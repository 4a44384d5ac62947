import { describe, expect, it } from 'vitest';
import { xmlText } from './xml-text';

describe('xmlText', () => {
  it.each([
    ['plain text', 'plain text'],
    [`<a href="x">'&'</a>`, '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;'],
    ['&amp;', '&amp;amp;'],
    ['a\u0000b\u0008c\u000Bd\uFFFE', 'a\uFFFDb\uFFFDc\uFFFDd\uFFFD'],
    ['lone \uD800 and \uDC00', 'lone \uFFFD and \uFFFD'],
    ['kept: tab\t LF\n CR\r é 😀', 'kept: tab\t LF\n CR\r é 😀'],
  ])('%j becomes %j', (text, escaped) => {
    expect(xmlText(text)).toBe(escaped);
  });
});
