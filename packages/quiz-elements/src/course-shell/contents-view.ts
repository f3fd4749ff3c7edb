/**
 * The contents: a disclosure button above the page and the list it opens, with the
 * modules and their pages, then the pages about the course. Marks the current page with
 * aria-current and the pages seen with a tick and a word screen readers read.
 */
import { html, nothing } from 'lit';
import type { Strings } from '../strings/index.ts';
import type { Outline, OutlinePage } from './course-outline.ts';

export interface ContentsState {
  /** Read when the list is first rendered. */
  outline: () => Outline;
  open: boolean;
  /**
   * Whether the list has been opened before: until then it is not rendered (it has a link
   * for every page, work that grows with the course and that the first screen does not need).
   */
  listed: boolean;
  /** The course page on show, or behind the page about the course on show. */
  index: number;
  /** The page about the course on show, if any. */
  extra: string | null;
  seen: readonly number[];
  /** The print view beside the page (the builder's print.html), if there is one. */
  print?: string | undefined;
  t: Strings;
  onToggle: () => void;
}

function link(page: OutlinePage, state: ContentsState) {
  const { t } = state;
  const current = page.extra
    ? state.extra === page.extra
    : state.extra === null && page.index === state.index;
  const seen = !page.extra && state.seen.includes(page.index);
  return html`<li>
    <a href="#${page.headingId}" aria-current=${current ? 'page' : nothing}
      >${page.title}${
        current
          ? html`<span class="ti-here" aria-hidden="true"> (${t.currentPage})</span>`
          : nothing
      }${
        seen
          ? html`<span class="ti-seen"><span aria-hidden="true"> ✓</span
              ><span class="ti-visually-hidden">, ${t.seenPage}</span></span>`
          : nothing
      }</a
    >
  </li>`;
}

export function contentsView(state: ContentsState) {
  const { t } = state;
  return html`<button
      type="button"
      class="ti-contents-toggle"
      aria-expanded=${String(state.open)}
      aria-controls="ti-contents"
      @click=${state.onToggle}
    >
      ${t.contents}
    </button>
    <nav id="ti-contents" class="ti-contents" aria-label=${t.contents} ?hidden=${!state.open}>
      ${state.open || state.listed ? contentsList(state) : nothing}
    </nav>`;
}

function contentsList(state: ContentsState) {
  const { t } = state;
  const outline = state.outline();
  return html`${outline.modules.map(
    (
      module,
      m,
    ) => html`<p class="ti-contents-module" id="ti-contents-module-${m}">${module.title}</p>
          <ol aria-labelledby="ti-contents-module-${m}">
            ${module.pages.map((page) => link(page, state))}
          </ol>`,
  )}
      ${
        outline.extras.length
          ? html`<p class="ti-contents-module" id="ti-contents-extras">${t.aboutThisCourse}</p>
            <ul aria-labelledby="ti-contents-extras">
              ${outline.extras.map((page) => link(page, state))}
              ${
                state.print
                  ? html`<li><a href=${state.print} target="_blank">${t.printCourse}</a></li>`
                  : nothing
              }
            </ul>`
          : nothing
      }`;
}
