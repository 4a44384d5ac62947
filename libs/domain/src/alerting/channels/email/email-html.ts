import { SEVERITY_EMOJI, type AlertMessage } from '../template/alert-message';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function toEmailSubject(message: AlertMessage): string {
  return `${SEVERITY_EMOJI[message.severity]} ${message.title}`;
}

/** A plain, inline-styled HTML body: mail clients ignore style sheets. */
export function toEmailHtml(message: AlertMessage): string {
  const rows = message.fields
    .map(
      (field) =>
        `<tr><td style="padding:4px 12px 4px 0;color:#555">${escape(field.label)}</td><td style="padding:4px 0">${escape(field.value)}</td></tr>`,
    )
    .join('');
  const link = message.link ? `<p><a href="${escape(message.link)}">Open the incident in mini-netumo</a></p>` : '';
  return [
    '<div style="font-family:system-ui,sans-serif;font-size:14px;line-height:1.5">',
    `<h2 style="margin:0 0 8px">${escape(message.title)}</h2>`,
    `<p>${escape(message.body)}</p>`,
    rows ? `<table style="border-collapse:collapse">${rows}</table>` : '',
    link,
    '</div>',
  ].join('');
}

export function toEmailText(message: AlertMessage): string {
  return [
    message.title,
    '',
    message.body,
    '',
    ...message.fields.map((field) => `${field.label}: ${field.value}`),
    ...(message.link ? ['', message.link] : []),
  ].join('\n');
}
