/**
 * The guide prints on A4 and Letter alike: no page size is forced, the margins fit both,
 * widths are relative, and modules and handouts start on a new sheet. System fonts only.
 */
export const guideStyles = `
:root { color-scheme: light; }
body { font: 11pt/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111;
  max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem; overflow-wrap: anywhere; }
h1 { font-size: 1.9em; margin: .2em 0; }
h2 { font-size: 1.4em; margin-top: 1.6em; }
h3 { font-size: 1.1em; margin-top: 1.3em; }
.eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: .85em; margin: 0; }
.note { border-left: .35rem solid #555; background: #f3f3f3; padding: .5rem .8rem; margin: .6rem 0; }
.lesson.callout { border: 1px solid #777; padding: .3rem .8rem; margin: .6rem 0; }
.page-sources { font-size: .9em; color: #333; }
.question { border: 1px solid #999; padding: .5rem .8rem; margin: .6rem 0; }
.question .prompt { font-weight: 600; margin: 0 0 .3rem; }
.feedback { color: #333; font-size: .95em; }
.key { white-space: normal; }
table { width: 100%; border-collapse: collapse; margin: .6rem 0; }
th, td { border: 1px solid #777; padding: .35rem .45rem; text-align: start; vertical-align: top; }
.handout td:empty { height: 2.6em; }
.handout { border-top: 2px solid #111; }
img { max-width: 100%; height: auto; }
a { color: #0b4f9c; }
@page { margin: 16mm 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav.contents { break-after: page; }
  .module, .workshop, .handout { break-before: page; }
  .handout { border-top: 0; }
  .question, .note, tr, img, h2, h3 { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
