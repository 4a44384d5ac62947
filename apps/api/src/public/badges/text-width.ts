/**
 * Verdana 11px advance widths, to half a pixel, for printable ASCII (from the font's metrics, 2048 units per em).
 * The badge has no font at hand when it is drawn, so its width is an estimate; `textLength` makes it hold.
 */
export const VERDANA_11PX_WIDTHS: ReadonlyArray<readonly [number, string]> = [
  [3, "'il"],
  [3.5, 'j'],
  [4, ' ,.f'],
  [4.5, '!Irt'],
  [5, '"()-:;J[]|'],
  [5.5, 'csz'],
  [6, '?L'],
  [6.5, 'FPTYaekovxy'],
  [7, '0123456789$*/E\\_`bdghnpqu{}'],
  [7.5, 'ABCKRSVXZ'],
  [8, '&NU'],
  [8.5, 'DGHOQ'],
  [9, '#+<=>M^w~'],
  [10.5, 'm'],
  [11, '@W'],
  [12, '%'],
];

const WIDTH_OF = new Map(VERDANA_11PX_WIDTHS.flatMap(([width, chars]) => [...chars].map((char) => [char, width] as const)));

/** Wider than most Latin letters, so an accented name overflows less often than it would at an average width. */
const OTHER_CHARACTER_WIDTH = 8;

/** The estimated width in pixels of `text` in Verdana 11px, counting by code point. */
export function verdanaTextWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDTH_OF.get(char) ?? OTHER_CHARACTER_WIDTH;
  return width;
}
