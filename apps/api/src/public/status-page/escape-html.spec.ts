import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMultiline } from './escape-html';

describe('escapeHtml', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['Tom & "Jerry"', 'Tom &amp; &quot;Jerry&quot;'],
    ["it's", 'it&#39;s'],
    ['&amp; already', '&amp;amp; already'],
    ['plain text, ünïcode ✓', 'plain text, ünïcode ✓'],
    ['', ''],
  ])('%j becomes %j', (text, escaped) => {
    expect(escapeHtml(text)).toBe(escaped);
  });
});

describe('escapeMultiline', () => {
  it('escapes first, then keeps each kind of line break as <br>', () => {
    expect(escapeMultiline('a<b>\nc\r\nd\re')).toBe('a&lt;b&gt;<br>c<br>d<br>e');
  });

  it('never lets a typed <br> through as markup', () => {
    expect(escapeMultiline('<br>')).toBe('&lt;br&gt;');
  });
});
