const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Characters XML 1.0 forbids even as references (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/FFFF). */
const NOT_XML_CHARACTER =
  // eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` safe inside an XML element or a quoted attribute; a character XML cannot hold becomes U+FFFD. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML_CHARACTER, '\uFFFD').replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}
