import type { BrowserContext, Frame, Page } from 'playwright-core';

export interface Walk {
  /** data-page-id of every page shown, in order. */
  pages: string[];
  /** How many textareas received the marker. */
  textareasFilled: number;
}

/**
 * Walks a course from its first page to its last, as a learner pressing "Next" does, and
 * types `marker` into every textarea on each page (reflections and any other free text).
 * Finds the navigation by the shell's class, not its label, so that it walks courses in
 * every language. Ends by pressing the last page's button (Finish).
 */
export async function walkCourse(root: Page | Frame, marker: string): Promise<Walk> {
  const next = root.locator('ti-course .ti-next');
  await next.waitFor(); // the shell has rendered: one page shows, the others are hidden
  const total = await root.locator('ti-course [data-page-id]').count();
  const walk: Walk = { pages: [], textareasFilled: 0 };
  for (let step = 0; step < total; step += 1) {
    const current = root.locator('ti-course [data-page-id]:not([hidden])');
    const pageId = await current.getAttribute('data-page-id');
    if (pageId === null || walk.pages.includes(pageId)) {
      throw new Error(`step ${step + 1} of ${total} shows ${pageId} again; pages: ${walk.pages}`);
    }
    walk.pages.push(pageId);
    // CSS locators pierce open shadow roots, so textareas inside question elements count.
    const textareas = current.locator('textarea');
    for (let i = 0; i < (await textareas.count()); i += 1) {
      const textarea = textareas.nth(i);
      await textarea.fill(marker);
      await textarea.blur(); // fire "change" as well as "input"
      walk.textareasFilled += 1;
    }
    await next.click();
    if (step < total - 1) {
      await root.locator(`ti-course [data-page-id="${pageId}"]`).waitFor({ state: 'hidden' });
    }
  }
  return walk;
}

export interface Traffic {
  requests: Array<{ url: string; postData: string | null }>;
  websockets: string[];
  /** Console messages of a Content-Security-Policy refusal: the course tried to reach out. */
  refusals: string[];
}

/** Records every request of every page and worker in the context, with what it sent. */
export function recordTraffic(context: BrowserContext): Traffic {
  const traffic: Traffic = { requests: [], websockets: [], refusals: [] };
  context.on('request', (request) =>
    traffic.requests.push({ url: request.url(), postData: request.postData() }),
  );
  const watch = (page: Page) => {
    page.on('websocket', (socket) => traffic.websockets.push(socket.url()));
    page.on('console', (message) => {
      if (/Refused to (load|connect|frame|send|execute)/.test(message.text())) {
        traffic.refusals.push(message.text());
      }
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return traffic;
}
