/**
 * The little of the DOM these specs read. The api project compiles without the DOM lib, so the specs that use it
 * run under `@vitest-environment jsdom` and reach jsdom's globals through these types.
 */
export interface SpecElement {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly attributes: ArrayLike<{ readonly name: string; readonly value: string }>;
  readonly classList: { contains(name: string): boolean };
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): SpecElement | null;
  querySelectorAll(selector: string): ArrayLike<SpecElement>;
}

export interface SpecDocument {
  readonly documentElement: SpecElement;
  readonly title: string;
  querySelector(selector: string): SpecElement | null;
  querySelectorAll(selector: string): ArrayLike<SpecElement>;
}

interface DomGlobals {
  DOMParser: new () => { parseFromString(text: string, type: 'text/html' | 'application/xml'): SpecDocument };
  document: SpecDocument & { write(html: string): void; close(): void; open(): void };
}

/** jsdom's globals; only under `@vitest-environment jsdom`. */
export const dom = (): DomGlobals => globalThis as unknown as DomGlobals;

export const parseHtml = (html: string): SpecDocument => new (dom().DOMParser)().parseFromString(html, 'text/html');

/** The parsed feed, or a thrown error naming what made it malformed. */
export function parseXml(xml: string): SpecDocument {
  const parsed = new (dom().DOMParser)().parseFromString(xml, 'application/xml');
  const error = parsed.querySelector('parsererror');
  if (error) throw new Error(`malformed XML: ${error.textContent}`);
  return parsed;
}

/** Elements found, as an array. */
export const all = (root: SpecDocument | SpecElement, selector: string): SpecElement[] => Array.from(root.querySelectorAll(selector));
