// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parseXml } from '../spec-dom';
import { renderBadgeSvg } from './badge-svg';

/** Every element in document order, read by a real XML parser (jsdom's), which throws on anything not well-formed. */
function parseSvg(svg: string) {
  return Array.from(parseXml(svg).querySelectorAll('*')).map((element) => ({
    name: element.tagName,
    attributes: Object.fromEntries(Array.from(element.attributes).map((attribute) => [attribute.name, attribute.value])),
    text: element.textContent ?? '',
  }));
}

const widthOf = (svg: string) => Number(parseSvg(svg)[0]?.attributes.width);
const badge = { label: 'status', message: 'up', color: '#4c1' };

describe('renderBadgeSvg', () => {
  it('draws an accessible 20px badge whose parts add up to its width', () => {
    const elements = parseSvg(renderBadgeSvg(badge));
    const [svg] = elements;
    expect(svg).toMatchObject({ name: 'svg', attributes: { height: '20', role: 'img', 'aria-label': 'status: up' } });
    expect(elements.find((e) => e.name === 'title')?.text).toBe('status: up');
    const [labelPart, messagePart] = elements.filter((e) => e.name === 'rect' && !e.attributes.rx && e.attributes.fill?.startsWith('#'));
    expect(labelPart?.attributes.fill).toBe('#555');
    expect(messagePart?.attributes.fill).toBe('#4c1');
    expect(Number(labelPart?.attributes.width) + Number(messagePart?.attributes.width)).toBe(widthOf(renderBadgeSvg(badge)));
    expect(elements.find((e) => e.name === 'rect' && e.attributes.rx)?.attributes.rx).toBe('3');
  });

  it('writes each text twice, a darker shadow first', () => {
    const texts = parseSvg(renderBadgeSvg(badge)).filter((e) => e.name === 'text');
    expect(texts.map((t) => t.text)).toEqual(['status', 'status', 'up', 'up']);
    expect(texts[0]?.attributes).toMatchObject({ fill: '#010101', y: '15' });
    expect(texts[1]?.attributes.y).toBe('14');
  });

  it('escapes every text it is given', () => {
    const hostile = { label: '<script>', message: `a&b"'`, color: '#4c1"/><script>' };
    const svg = renderBadgeSvg(hostile);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('a&amp;b&quot;&apos;');
    const elements = parseSvg(svg);
    expect(elements.map((e) => e.name)).not.toContain('script');
    expect(elements[0]?.attributes['aria-label']).toBe(`<script>: a&b"'`);
    expect(elements.filter((e) => e.name === 'text').map((t) => t.text)).toContain(`a&b"'`);
  });

  it('turns characters XML cannot hold into U+FFFD, and keeps the rest', () => {
    const svg = renderBadgeSvg({ label: 'a\u0000b\u001Fc\uD800', message: 'tab\there 😀 é', color: '#4c1' });
    const texts = parseSvg(svg).filter((e) => e.name === 'text');
    expect(texts[0]?.text).toBe('a\uFFFDb\uFFFDc\uFFFD');
    expect(texts[2]?.text).toBe('tab\there 😀 é');
  });

  it('grows with its text', () => {
    const widths = ['', 'a', 'ab', 'abc', 'abc def ghi'].map((message) => widthOf(renderBadgeSvg({ ...badge, message })));
    expect(widths).toEqual([...widths].sort((a, b) => a - b));
    expect(new Set(widths).size).toBe(widths.length);
    expect(widthOf(renderBadgeSvg({ ...badge, label: 'a much longer label' }))).toBeGreaterThan(widthOf(renderBadgeSvg(badge)));
  });

  it('gives the same bytes for the same badge', () => {
    expect(renderBadgeSvg({ ...badge })).toBe(renderBadgeSvg({ ...badge }));
  });
});
