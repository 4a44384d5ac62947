const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** User-typed text made safe for HTML text and quoted attribute values (and XML: numeric references are valid there). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** Escaped, and its line breaks kept as `<br>`: the only markup a visitor's text ever gets. */
export function escapeMultiline(text: string): string {
  return escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>');
}
