/**
 * The print view's stylesheet (print.css beside print.html, after teach-in.css for the theme):
 * its own file, so the course's first load does not carry it. A string here rather than a .css
 * file, so the builder needs no file next to its code at run time.
 */
export const printCss = `/* The print view (print.html, after teach-in.css for the theme): the whole course on paper.
   Its own file, so the course's first load does not carry it. No page size is set, so the
   printer's paper (A4 or Letter) is used; the margins fit both. */
.ti-print-question {
  margin: 1rem 0;
  padding: 0.75rem 1rem;
  border: 1px solid var(--ti-border);
  border-radius: 0.375rem;
}
.ti-print-prompt {
  font-weight: 700;
  margin-top: 0;
}
.ti-print-circles,
.ti-print-boxes {
  list-style: none;
  padding-inline-start: 0.25rem;
}
.ti-print-circles li::before {
  content: "\\25CB\\00a0\\00a0";
}
.ti-print-boxes li::before {
  content: "\\2610\\00a0\\00a0";
}
.ti-print-lines {
  height: 5rem;
  background: repeating-linear-gradient(transparent 0 1.55rem, var(--ti-border) 1.55rem 1.6rem);
}
@page {
  margin: 18mm 16mm;
}
@media print {
  .ti-print-view {
    color: #000;
    background: #fff;
    font-size: 11pt;
  }
  .ti-print-view main {
    max-width: none;
    padding: 0;
  }
  .ti-print-module + .ti-print-module {
    break-before: page;
  }
  .ti-print-view h2,
  .ti-print-view h3 {
    break-after: avoid;
  }
  .ti-print-question,
  .ti-print-view .ti-callout,
  .ti-print-view figure,
  .ti-print-view img {
    break-inside: avoid;
  }
  .ti-print-view p,
  .ti-print-view li {
    orphans: 3;
    widows: 3;
  }
}
`;
