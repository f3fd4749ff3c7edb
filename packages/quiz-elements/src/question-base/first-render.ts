/**
 * When a question renders for the first time. Inside a course, the questions of the page on
 * show and of the page after it render at once (before the first frame); those further
 * away wait for idle time, one per idle period in page order, so that the learner's first
 * screen does not wait for every page's questions (a 6x slower phone spent most of its
 * startup there). The shell renders a page's waiting questions at once when it shows the
 * page (`renderWaitingIn`), so a learner never sees a question without its inputs.
 * Outside a course page (a question on its own, the tests) nothing waits.
 */
const waiting = new Map<Element, () => void>();
let drainScheduled = false;

const page = (element: Element) => element.closest<HTMLElement>('.ti-page, .ti-extra');

/** On show, or next in the sequence: what the learner may see before idle time comes. */
function nearShown(section: HTMLElement): boolean {
  if (!section.hidden) return true;
  const before = section.previousElementSibling;
  return (
    section.classList.contains('ti-page') &&
    before instanceof HTMLElement &&
    before.classList.contains('ti-page') &&
    !before.hidden
  );
}

type IdleWindow = Window & {
  requestIdleCallback?: (run: () => void, options?: { timeout: number }) => number;
};

function scheduleDrain(): void {
  if (drainScheduled || waiting.size === 0) return;
  drainScheduled = true;
  const win = window as IdleWindow;
  // Safari has no requestIdleCallback: a task after the current ones stands in.
  const later = win.requestIdleCallback
    ? (run: () => void) => win.requestIdleCallback?.(run, { timeout: 2000 })
    : (run: () => void) => setTimeout(run, 50);
  later(() => {
    drainScheduled = false;
    const first = [...waiting.keys()].sort((a, b) =>
      a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    )[0];
    if (first) release(first);
    scheduleDrain();
  });
}

function release(element: Element): void {
  const go = waiting.get(element);
  waiting.delete(element);
  go?.();
}

/**
 * Resolves when `element` may render its first time: at once (undefined) unless it sits
 * on a hidden course page that is neither on show nor the next one.
 */
export function firstRenderWait(element: HTMLElement): Promise<void> | undefined {
  const section = page(element);
  if (!section || nearShown(section)) return undefined;
  return new Promise((resolve) => {
    waiting.set(element, resolve);
    scheduleDrain();
  });
}

/** Renders now the waiting questions inside `section` (a page about to be shown). */
export function renderWaitingIn(section: Element | undefined): void {
  if (!section) return;
  for (const element of [...waiting.keys()]) if (section.contains(element)) release(element);
}
