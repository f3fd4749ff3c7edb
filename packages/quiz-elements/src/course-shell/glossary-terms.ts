/**
 * Glossary terms in the text: the builder writes each first occurrence as
 * `<button class="ti-term" aria-expanded aria-controls aria-describedby>` followed by its
 * hidden definition. The definition shows in place when the term gets focus (keyboard)
 * and stays when the term is clicked or tapped; a second click, or Escape, hides it.
 * Nothing depends on hover. The shell delegates its events here, one listener per kind.
 */

const termSelector = 'button.ti-term';

function termOf(event: Event): HTMLButtonElement | null {
  const target = event.target;
  return target instanceof Element ? target.closest<HTMLButtonElement>(termSelector) : null;
}

function definitionOf(term: HTMLButtonElement): HTMLElement | null {
  const id = term.getAttribute('aria-controls');
  return id ? document.getElementById(id) : null;
}

function setOpen(term: HTMLButtonElement, open: boolean, pinned = false): void {
  const definition = definitionOf(term);
  if (!definition) return;
  term.setAttribute('aria-expanded', String(open));
  term.toggleAttribute('data-pinned', open && pinned);
  definition.hidden = !open;
}

const isOpen = (term: HTMLButtonElement) => term.getAttribute('aria-expanded') === 'true';

export function onTermFocusIn(event: FocusEvent): void {
  const term = termOf(event);
  if (term && !isOpen(term)) setOpen(term, true);
}

export function onTermFocusOut(event: FocusEvent): void {
  const term = termOf(event);
  if (term && !term.hasAttribute('data-pinned')) setOpen(term, false);
}

/** A click (or tap, or Enter/Space) pins the definition open; a second one closes it. */
export function onTermClick(event: MouseEvent): void {
  const term = termOf(event);
  if (!term) return;
  setOpen(term, !(isOpen(term) && term.hasAttribute('data-pinned')), true);
}

/** Escape closes the definition; focus stays on the term. */
export function onTermKeyDown(event: KeyboardEvent): boolean {
  const term = termOf(event);
  if (!term || event.key !== 'Escape' || !isOpen(term)) return false;
  setOpen(term, false);
  return true;
}
