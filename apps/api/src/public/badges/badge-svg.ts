import type { BadgeText } from './badge-text';
import { verdanaTextWidth } from './text-width';
import { xmlText } from '../xml-text';

const HEIGHT = 20;
const PADDING = 10;
const LABEL_COLOR = '#555';
const FONT = 'font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11"';

/** One part's text: a darker copy 1px lower for the shadow, then the white text, both held to the estimated width. */
function partText(text: string, centerX: number, textWidth: number): string {
  const place = `x="${centerX}" textLength="${textWidth}"`;
  return `<text ${place} y="15" fill="#010101" fill-opacity=".3" aria-hidden="true">${text}</text><text ${place} y="14">${text}</text>`;
}

/**
 * A flat two-part badge: grey label, coloured message. The same input gives the same bytes (it gets an ETag).
 * Every text is escaped here, so a label or message may one day carry a user's words.
 */
export function renderBadgeSvg({ label, message, color }: BadgeText): string {
  const labelTextWidth = Math.ceil(verdanaTextWidth(label));
  const messageTextWidth = Math.ceil(verdanaTextWidth(message));
  const labelWidth = labelTextWidth + 2 * PADDING;
  const messageWidth = messageTextWidth + 2 * PADDING;
  const width = labelWidth + messageWidth;
  const title = xmlText(`${label}: ${message}`);
  // The clip's id names its width: two badges inlined in one page must not clip each other to the wrong size.
  const clipId = `badge-clip-${width}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    '<linearGradient id="badge-gloss" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>',
    `<clipPath id="${clipId}"><rect width="${width}" height="${HEIGHT}" rx="3" fill="#fff"/></clipPath>`,
    `<g clip-path="url(#${clipId})">`,
    `<rect width="${labelWidth}" height="${HEIGHT}" fill="${LABEL_COLOR}"/>`,
    `<rect x="${labelWidth}" width="${messageWidth}" height="${HEIGHT}" fill="${xmlText(color)}"/>`,
    `<rect width="${width}" height="${HEIGHT}" fill="url(#badge-gloss)"/>`,
    '</g>',
    `<g fill="#fff" text-anchor="middle" ${FONT}>`,
    partText(xmlText(label), labelWidth / 2, labelTextWidth),
    partText(xmlText(message), labelWidth + messageWidth / 2, messageTextWidth),
    '</g>',
    '</svg>',
  ].join('');
}
