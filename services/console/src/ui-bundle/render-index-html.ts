/**
 * The one HTML page: the bundle's CSS and script under `prefix`, and the prefix itself for the
 * script to build its API URLs from. Nothing inline, so the strict CSP holds.
 */
export function renderIndexHtml(prefix: string, hash: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Switchyard console</title>',
    '<link rel="icon" href="data:,">',
    `<link rel="stylesheet" href="${prefix}/assets/app-${hash}.css">`,
    `<script type="module" src="${prefix}/assets/app-${hash}.js"></script>`,
    '</head>',
    `<body><div id="app" data-base="${prefix}"><p class="boot">Loading the console…</p></div></body>`,
    '</html>',
  ].join('\n');
}
