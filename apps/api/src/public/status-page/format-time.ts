import { escapeHtml } from './escape-html';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-12-07 14:00 UTC`: readable without JavaScript, the same for every visitor; the live script localises it. */
export function utcText(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = date.toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}

/** An instant as `<time>`, machine-readable in `datetime` for the live script. */
export function timeElement(iso: string): string {
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(utcText(iso))}</time>`;
}

/** `Dec 1` for a UTC day (`2026-12-01` or a full ISO instant): short, since it is repeated on every bar. */
export function dayText(date: string): string {
  const day = new Date(date);
  if (Number.isNaN(day.getTime())) return date;
  return `${MONTHS[day.getUTCMonth()]} ${day.getUTCDate()}`;
}

/** `2026-12-01` for a UTC day, whichever of the two forms it came in. */
export function isoDay(date: string): string {
  const day = new Date(date);
  return Number.isNaN(day.getTime()) ? date : day.toISOString().slice(0, 10);
}
