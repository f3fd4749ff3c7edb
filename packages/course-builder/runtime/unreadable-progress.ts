import type { Strings } from '@teach-in/quiz-elements';

/**
 * Saved progress this course cannot read (damaged, or written by another version): the
 * learner is told before the course, and the LMS's copy is left alone until they choose
 * Start again (main.ts holds every save until then). An alert, so a screen reader says it
 * at once; the button stays in the reading order right after it.
 */
export class UnreadableProgressNotice {
  readonly element: HTMLElement;

  constructor(before: Element, t: Strings, onStartAgain: () => void) {
    const doc = before.ownerDocument;
    this.element = doc.createElement('section');
    this.element.className = 'ti-unreadable';
    const heading = doc.createElement('h2');
    heading.id = 'ti-unreadable-title';
    heading.textContent = t.progressUnreadableTitle;
    this.element.setAttribute('aria-labelledby', heading.id);
    const message = doc.createElement('p');
    message.setAttribute('role', 'alert');
    message.tabIndex = -1;
    message.textContent = t.progressUnreadable;
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = t.progressStartAgain;
    button.addEventListener('click', () => {
      onStartAgain();
      message.textContent = t.progressStartedAgain;
      button.remove();
      // The button is gone: keep keyboard and screen reader users where they were.
      message.focus();
    });
    this.element.append(heading, message, button);
    before.before(this.element);
  }
}
