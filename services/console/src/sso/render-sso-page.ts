/**
 * A plain page for a sign-in that did not end in a session: what happened, what to do, and a
 * link back to the console. Every text is escaped; nothing inline, so the console's CSP holds.
 */
export function renderSsoPage(prefix: string, title: string, explanation: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><title>Switchyard console: sign-in</title></head>',
    '<body>',
    `<main><h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(explanation)}</p>`,
    `<p><a href="${escapeHtml(prefix)}/">Back to the console</a></p></main>`,
    '</body>',
    '</html>',
  ].join('\n');
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
