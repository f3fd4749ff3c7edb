import { escapeHtml } from '@teach-in/course-schema/html-text';
import type { HostConfig } from './hosting.ts';

/** The launch configuration as inert JSON that host.js reads; `<` escaped so it cannot end the tag. */
export function configScript(config: HostConfig): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<script type="application/json" id="host-config">${json}</script>`;
}

/** The scripts that create the runtime (when there is one) and launch the content. */
export function hostScripts(config: HostConfig): string {
  const runtime =
    config.runtime === 'none' ? '' : `<script src="/host/${config.runtime}.js"></script>\n`;
  return `${runtime}<script src="/host/host.js"></script>`;
}

/** A page of the host's own (host or preview): one stylesheet, no inline code. */
export function hostPageShell(page: {
  title: string;
  stylesheet: string;
  bodyTag: string;
  body: string;
}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(page.title)}</title>
<link rel="stylesheet" href="${page.stylesheet}">
</head>
${page.bodyTag}
${page.body}
</body>
</html>
`;
}

/** A bare LMS page: the content in a frame filling the window, as an LMS shows it. */
export function hostPage(config: HostConfig): string {
  return hostPageShell({
    title: `${config.title} (Teach-in host)`,
    stylesheet: '/host/host.css',
    bodyTag: '<body class="ti-host">',
    body: `<main id="content" class="ti-host-content"></main>
${configScript(config)}
${hostScripts(config)}`,
  });
}
