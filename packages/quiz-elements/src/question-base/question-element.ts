import type { AnswerDetail, Question, QuestionProgress } from '@teach-in/course-schema';
import { type CSSResultGroup, html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { QuestionAnsweredEvent } from '../events.ts';
import { type Strings, stringsFor } from '../strings/index.ts';
import { firstRenderWait } from './first-render.ts';
import { questionStyles } from './question.styles.ts';
import { seededShuffle } from './shuffle.ts';

/** What every answer event carries that the base class fills in itself. */
type OwnDetail = Omit<AnswerDetail, 'questionId' | 'type' | 'description' | 'latencyMs'>;

/**
 * What every question element shares: the question data (from a property or a child
 * `<script type="application/json">`), the seed for shuffling, the public API the course
 * shell uses (see team INTERFACES.md), the answer event and the frame every type renders
 * in: a fieldset whose legend is the prompt, an action button and a polite live region.
 * The question's HTML was sanitized when the course was built.
 *
 * No slots and no CSS parts: each type renders its own controls. The question comes from the
 * `question` property or, in built pages, from a child `<script type="application/json">`.
 *
 * @fires {QuestionAnsweredEvent} ti-answer - After every check or submit: the response tokens, whether they are right, the attempt and whether it was the last (bubbles, composed).
 * @cssprop [--ti-text=#1a1a1a] - Text colour.
 * @cssprop [--ti-border=#767676] - Borders of the question frame and its fields.
 * @cssprop [--ti-accent=#9b1c1c] - The action button and checked controls.
 * @cssprop [--ti-on-accent=#fff] - Text on the accent colour.
 * @cssprop [--ti-focus=#1d4ed8] - The focus outline.
 * @cssprop [--ti-field-bg=#fff] - Background of fields and selects.
 * @cssprop [--ti-feedback-bg=#f3f3f3] - Background of feedback and of answers that can no longer change.
 * @cssprop [--ti-success=#1b6e3a] - Right answers.
 * @cssprop [--ti-danger=#b00020] - Wrong answers.
 */
export abstract class QuestionElement<Q extends Question = Question> extends LitElement {
  static override styles: CSSResultGroup = questionStyles;

  /** The question to show, as the Course model has it (a property only: it is data, not text). */
  @property({ attribute: false }) question?: Q;

  /** Set by the shell before the first render; the same seed gives the same order. */
  @property({ type: Number }) seed = 0;

  /** A transient message in the live region: "Choose an answer first.", a move... */
  @state() protected notice = '';

  #shownAt = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.question) {
      const data = this.querySelector('script[type="application/json"]');
      if (data?.textContent) this.question = JSON.parse(data.textContent) as Q;
    }
    if (!this.#shownAt) this.#shownAt = Date.now();
  }

  /** The first render of a question far from the page on show waits (first-render.ts). */
  protected override scheduleUpdate(): Promise<unknown> | undefined {
    const wait = this.hasUpdated ? undefined : firstRenderWait(this);
    if (wait) return wait.then(() => super.scheduleUpdate());
    const updated = super.scheduleUpdate();
    return updated instanceof Promise ? updated : undefined;
  }

  get questionId(): string {
    return this.question?.id ?? '';
  }

  /** True when the question is graded and part of the assessment. */
  abstract get counts(): boolean;
  /** Done: right, out of attempts, or (types without a right answer) submitted. */
  abstract get answered(): boolean;
  /** Null for types without a right answer, or before the first check. */
  abstract get isCorrect(): boolean | null;
  abstract get progress(): QuestionProgress;
  /** Puts saved progress back, without reporting it again. */
  abstract restore(saved: QuestionProgress): void;

  /** A fresh attempt: subclasses clear their answer and call this. */
  reset(): void {
    this.notice = '';
    this.restartClock();
  }

  protected restartClock(): void {
    this.#shownAt = Date.now();
  }

  protected get t(): Strings {
    const lang = this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang;
    return stringsFor(lang || 'en');
  }

  protected emitAnswer(detail: OwnDetail): void {
    const question = this.question;
    if (!question) return;
    this.dispatchEvent(
      new QuestionAnsweredEvent({
        questionId: question.id,
        type: question.type,
        description: question.promptText,
        latencyMs: Date.now() - this.#shownAt,
        ...detail,
      }),
    );
  }

  /** Items in the seeded order, or as authored; `key` tells apart several lists. */
  protected seeded<T>(items: readonly T[], shuffle: boolean, key = ''): T[] {
    return shuffle ? seededShuffle(items, this.seed, `${this.questionId}${key}`) : [...items];
  }

  /** After "Try again" and the like: focus the first control of the question. */
  protected focusFirstControl(): void {
    void this.updateComplete.then(() => {
      const body = this.renderRoot.querySelector('.body');
      const first =
        body?.querySelector<HTMLElement>('input:checked') ??
        body?.querySelector<HTMLElement>('input, select, textarea, button');
      first?.focus();
    });
  }

  protected renderLegend(question: Q): unknown {
    return unsafeHTML(question.promptHtml);
  }

  protected abstract renderBody(question: Q): TemplateResult;
  protected abstract renderActions(question: Q): TemplateResult;
  protected abstract renderFeedback(question: Q): unknown;

  /** Below the live region: things to read at leisure, not to be announced. */
  protected renderAfter(_question: Q): unknown {
    return nothing;
  }

  override render() {
    const question = this.question;
    if (!question) return nothing;
    const t = this.t;
    return html`<fieldset>
      <legend>${this.renderLegend(question)}</legend>
      ${
        question.hintHtml
          ? html`<p class="hint"><strong>${t.hint}:</strong> ${unsafeHTML(question.hintHtml)}</p>`
          : nothing
      }
      <div class="body">${this.renderBody(question)}</div>
      <div class="actions">${this.renderActions(question)}</div>
      <div class="feedback" role="status" aria-live="polite">${this.renderFeedback(question)}</div>
      ${this.renderAfter(question)}
    </fieldset>`;
  }
}

/** Inline HTML for a template, or nothing. */
export function htmlOrNothing(fragment: string | undefined): unknown {
  return fragment ? html`<p>${unsafeHTML(fragment)}</p>` : nothing;
}
