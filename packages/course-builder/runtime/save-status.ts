import type { SaveStatus } from '@teach-in/lms-bridge';
import type { Strings } from '@teach-in/quiz-elements';

/**
 * A small polite status line after the course, owned by the runtime (the shell owns
 * ti-course's inside). It exists from the start, empty, so screen readers announce it
 * when it changes; it only ever speaks after a saving problem.
 */
export class SaveStatusLine {
  readonly element: HTMLParagraphElement;

  constructor(
    after: Element,
    private readonly t: Strings,
  ) {
    this.element = after.ownerDocument.createElement('p');
    this.element.className = 'ti-save-status';
    this.element.setAttribute('role', 'status');
    this.element.setAttribute('aria-live', 'polite');
    after.after(this.element);
  }

  show(status: SaveStatus | 'local-only' | 'unreachable'): void {
    const text = {
      retrying: this.t.saveRetrying,
      saved: this.t.saveRecovered,
      'local-only': this.t.saveLocalOnly,
      unreachable: this.t.lrsUnreachable,
    }[status];
    this.element.textContent = text;
    this.element.dataset.status = status;
  }
}
