/**
 * The course's outline as the server-rendered page gives it: pages grouped by module,
 * then the pages outside the sequence (glossary, references, data notice). Read once
 * from the DOM; the contents list is rendered from it.
 */
export interface OutlinePage {
  /** Index among the course pages, or -1 for a page outside the sequence. */
  index: number;
  title: string;
  /** The id of the page's heading, the target of links to the page. */
  headingId: string;
  /** For pages outside the sequence: their `data-extra` name. */
  extra?: string;
}

export interface OutlineModule {
  id: string;
  title: string;
  pages: OutlinePage[];
}

export interface Outline {
  modules: OutlineModule[];
  extras: OutlinePage[];
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

export function readOutline(
  pages: readonly HTMLElement[],
  extras: readonly HTMLElement[],
): Outline {
  const modules: OutlineModule[] = [];
  pages.forEach((page, index) => {
    const heading = page.querySelector('h1, h2');
    const id = page.dataset.moduleId ?? '';
    let module = modules.at(-1);
    if (!module || module.id !== id) {
      module = { id, title: text(page.querySelector('.ti-module-title')), pages: [] };
      modules.push(module);
    }
    module.pages.push({ index, title: text(heading), headingId: heading?.id ?? '' });
  });
  return {
    modules,
    extras: extras.map((section) => {
      const heading = section.querySelector('h1, h2');
      return {
        index: -1,
        title: text(heading),
        headingId: heading?.id ?? '',
        extra: section.dataset.extra ?? '',
      };
    }),
  };
}
