import { escapeHtml } from '@teach-in/course-schema/html-text';
import { configScript, hostPageShell, hostScripts } from '../host-page.ts';
import type { HostConfig } from '../hosting.ts';
import type { LmsTarget, PanelKind } from './lms-targets.ts';

/** A diagnostic as the preview shows it; course-schema's Diagnostic has this shape. */
export interface PreviewDiagnostic {
  code: string;
  severity: 'error' | 'warning';
  /** Relative to the course folder. */
  file: string;
  line: number;
  column: number;
  length: number;
  message: string;
  hint: string;
  lineText: string;
  /** The other place involved (the first use of a duplicated id, say). */
  related?: { file: string; line: number; column: number; message: string };
}

export interface SwitchEntry {
  target: LmsTarget;
  available: boolean;
  current: boolean;
}

export interface PreviewView {
  title: string;
  switch: SwitchEntry[];
  /** Set when the course has errors: they replace the course until the next good save. */
  diagnostics?: PreviewDiagnostic[];
  warnings: PreviewDiagnostic[];
  /** The launch, when the course built. */
  config?: HostConfig;
  current?: LmsTarget;
}

function lmsSwitch(entries: readonly SwitchEntry[]): string {
  const items = entries.map(({ target, available, current }) => {
    const label = escapeHtml(target.label);
    if (!available) {
      return `<li><span class="ti-switch-off" aria-disabled="true">${label} <span class="ti-note">(not in this package)</span></span></li>`;
    }
    const href = `/?lms=${encodeURIComponent(target.format)}`;
    return `<li><a href="${href}"${current ? ' aria-current="page"' : ''}>${label}</a></li>`;
  });
  return `<nav class="ti-switch" aria-label="LMS to preview with"><ul>${items.join('')}</ul></nav>`;
}

function codeFrame(d: PreviewDiagnostic): string {
  if (!d.lineText) return '';
  const gutter = String(d.line);
  const marker = `${' '.repeat(Math.max(0, d.column - 1))}${'^'.repeat(Math.max(1, d.length))}`;
  return `<pre class="ti-frame"><code>${escapeHtml(`${gutter} | ${d.lineText}\n${' '.repeat(gutter.length)} | ${marker}`)}</code></pre>`;
}

function diagnosticItem(d: PreviewDiagnostic): string {
  return `<li class="ti-diagnostic ti-${d.severity}">
<p><code class="ti-where">${escapeHtml(`${d.file}:${d.line}:${d.column}`)}</code> <span class="ti-code">${escapeHtml(`${d.severity}[${d.code}]`)}</span></p>
<p class="ti-message">${escapeHtml(d.message)}</p>
${codeFrame(d)}
${d.related ? `<p class="ti-note">Note: ${escapeHtml(d.related.message)} at <code class="ti-where">${escapeHtml(`${d.related.file}:${d.related.line}:${d.related.column}`)}</code></p>` : ''}
<p class="ti-hint">Hint: ${escapeHtml(d.hint)}</p>
</li>`;
}

function diagnosticsSection(diagnostics: readonly PreviewDiagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const heading = `The course has ${errors} error${errors === 1 ? '' : 's'}`;
  return `<section class="ti-diagnostics" aria-labelledby="diagnostics-heading">
<h2 id="diagnostics-heading">${heading}</h2>
<p>Fix ${errors === 1 ? 'it' : 'them'} and save: the preview rebuilds and reloads by itself.</p>
<ol>${diagnostics.map(diagnosticItem).join('\n')}</ol>
</section>`;
}

function warningsSection(warnings: readonly PreviewDiagnostic[]): string {
  if (warnings.length === 0) return '';
  return `<details class="ti-warnings"><summary>${warnings.length} warning${warnings.length === 1 ? '' : 's'}</summary><ol>${warnings.map(diagnosticItem).join('\n')}</ol></details>`;
}

export function panelKind(target: LmsTarget | undefined): PanelKind {
  if (target?.panel) return target.panel;
  return target?.runtime === 'none' ? 'browser-storage' : 'scorm-api';
}

/** The panel's lists: API calls and the data model, or xAPI statements and state documents. */
function panelLists(kind: PanelKind): string {
  const [log, model] =
    kind === 'xapi' ? ['xAPI statements', 'State documents'] : ['API calls', 'Data model'];
  return `<h3 id="calls-heading">${log} (<span id="call-count">0</span>)</h3>
<ol id="call-log" class="ti-call-log" aria-labelledby="calls-heading" tabindex="0"></ol>
<h3 id="model-heading">${model}</h3>
<pre id="data-model" class="ti-data-model" aria-labelledby="model-heading" tabindex="0"></pre>`;
}

function dataPanel(view: PreviewView): string {
  const config = view.config;
  const kind = panelKind(view.current);
  const about = view.current ? `<p>${escapeHtml(view.current.description)}</p>` : '';
  const learner = config
    ? `<p>Learner: <span id="learner">${escapeHtml(config.learner.name)} (${escapeHtml(config.learner.id)})</span>${
        config.entry === undefined
          ? ''
          : `. Entry: <code id="entry">${escapeHtml(config.entry || '""')}</code>`
      }</p>`
    : '';
  const format = view.current ? escapeHtml(view.current.format) : '';
  return `<aside class="ti-panel" id="lms-data" aria-labelledby="lms-data-heading" data-panel="${kind}" data-lms="${format}">
<h2 id="lms-data-heading">Data the course sends</h2>
${about}${learner}
<button type="button" id="fresh-attempt"${config ? '' : ' disabled'}>Start a fresh attempt</button>
${panelLists(kind)}
</aside>`;
}

/** The preview: the LMS switch, the course (or its errors) and the live data beside it. */
export function previewPage(view: PreviewView): string {
  const content = view.diagnostics
    ? diagnosticsSection(view.diagnostics)
    : '<div id="content" class="ti-course-frame"></div>';
  const scripts = view.config ? `${configScript(view.config)}\n${hostScripts(view.config)}\n` : '';
  return hostPageShell({
    title: `${view.title} (Teach-in preview)`,
    stylesheet: '/host/preview.css',
    bodyTag: '<body>',
    body: `<header class="ti-bar">
<h1>Preview: ${escapeHtml(view.title)}</h1>
${lmsSwitch(view.switch)}
<p id="preview-status" class="ti-status" role="status"></p>
</header>
<div class="ti-layout">
<main class="ti-main" aria-label="Course">
${warningsSection(view.warnings)}
${content}
</main>
${dataPanel(view)}
</div>
${scripts}<script src="/host/preview.js"></script>`,
  });
}
