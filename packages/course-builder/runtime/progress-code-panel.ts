import type { Strings } from '@teach-in/quiz-elements';

export type PasteResult = 'ok' | 'malformed' | 'checksum' | 'other-course';

/**
 * The web copy's "Continue on another device": shows the current progress code to copy,
 * and takes a pasted one. Native details/summary, labelled textareas and buttons, and a
 * polite status line: usable by keyboard and screen reader with no extra ARIA.
 */
export class ProgressCodePanel {
  readonly #code: HTMLTextAreaElement;
  readonly #message: HTMLParagraphElement;

  constructor(
    after: Element,
    private readonly t: Strings,
    onPaste: (code: string) => PasteResult,
  ) {
    const doc = after.ownerDocument;
    const make = <K extends keyof HTMLElementTagNameMap>(
      tag: K,
      props: Record<string, string | number | boolean> = {},
    ): HTMLElementTagNameMap[K] => Object.assign(doc.createElement(tag), props);

    const panel = make('details', { className: 'ti-progress-code' });
    const summary = make('summary', { textContent: t.progressCodeSummary });
    const intro = make('p', { textContent: t.progressCodeIntro });

    this.#code = make('textarea', { id: 'ti-progress-code', readOnly: true, rows: 3 });
    const codeLabel = make('label', { htmlFor: this.#code.id, textContent: t.progressCodeLabel });
    const copy = make('button', { type: 'button', textContent: t.progressCodeCopy });
    copy.addEventListener('click', () => void this.#copy());

    const paste = make('textarea', { id: 'ti-progress-code-paste', rows: 3 });
    const pasteLabel = make('label', { htmlFor: paste.id, textContent: t.progressCodePasteLabel });
    const use = make('button', { type: 'button', textContent: t.progressCodeUse });
    use.addEventListener('click', () => {
      const result = onPaste(paste.value);
      this.#say(
        {
          ok: t.progressCodeUsed,
          malformed: t.progressCodeMalformed,
          checksum: t.progressCodeChecksum,
          'other-course': t.progressCodeOtherCourse,
        }[result],
      );
    });

    this.#message = make('p', { className: 'ti-progress-code-message' });
    this.#message.setAttribute('role', 'status');
    panel.append(
      summary,
      intro,
      codeLabel,
      this.#code,
      copy,
      pasteLabel,
      paste,
      use,
      this.#message,
    );
    after.after(panel);
  }

  set code(value: string) {
    this.#code.value = value;
  }

  async #copy(): Promise<void> {
    this.#code.select();
    try {
      await navigator.clipboard.writeText(this.#code.value);
    } catch {
      // file:// pages may have no clipboard API: the text is selected for Ctrl+C instead.
      document.execCommand?.('copy');
    }
    this.#say(this.t.progressCodeCopied);
  }

  #say(text: string): void {
    this.#message.textContent = text;
  }
}
