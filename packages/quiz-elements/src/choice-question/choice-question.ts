import type { Choice, ChoiceQuestion } from '@teach-in/course-schema';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { QuestionAnsweredEvent } from '../events.ts';
import { stringsFor } from '../strings.ts';
import { choiceQuestionStyles } from './choice-question.styles.ts';

/** What a question saves, so a learner who comes back finds it as they left it. */
export interface QuestionState {
  response: string[];
  checked: boolean;
}

/**
 * Shared behaviour of single- and multiple-choice questions: a fieldset whose legend is
 * the prompt, native inputs labelled by the choice text, a "Check answer" button and
 * feedback in a live region. The question's HTML was sanitized when the course was built.
 */
export abstract class ChoiceQuestionElement extends LitElement {
  static override styles = choiceQuestionStyles;

  protected abstract readonly inputType: 'radio' | 'checkbox';

  /** The question; read from a child `<script type="application/json">` when not set. */
  @property({ attribute: false }) question?: ChoiceQuestion;

  @state() protected selected: string[] = [];
  @state() protected checked = false;
  @state() protected notice = '';

  #shownAt = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.question) {
      const data = this.querySelector('script[type="application/json"]');
      if (data?.textContent) this.question = JSON.parse(data.textContent) as ChoiceQuestion;
    }
    if (!this.#shownAt) this.#shownAt = Date.now();
  }

  get questionId(): string {
    return this.question?.id ?? '';
  }

  get graded(): boolean {
    return this.question?.graded ?? false;
  }

  get answered(): boolean {
    return this.checked;
  }

  get isCorrect(): boolean {
    return this.checked && sameSet(this.selected, this.#correctIds());
  }

  get state(): QuestionState {
    return { response: [...this.selected], checked: this.checked };
  }

  /** Puts back a saved answer without reporting it again. */
  restore(saved: QuestionState): void {
    const known = new Set(this.question?.choices.map((c) => c.id));
    this.selected = saved.response.filter((id) => known.has(id));
    this.checked = saved.checked && this.selected.length > 0;
    this.notice = '';
  }

  /** Clears the answer for a fresh attempt. */
  reset(): void {
    this.selected = [];
    this.checked = false;
    this.notice = '';
    this.#shownAt = Date.now();
  }

  #correctIds(): string[] {
    return this.question?.choices.filter((c) => c.correct).map((c) => c.id) ?? [];
  }

  #onChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (this.checked) return;
    this.notice = '';
    if (this.inputType === 'radio') {
      this.selected = [input.value];
    } else {
      const others = this.selected.filter((id) => id !== input.value);
      this.selected = input.checked ? [...others, input.value] : others;
    }
  }

  #check(): void {
    const question = this.question;
    if (!question || this.checked) return;
    if (this.selected.length === 0) {
      this.notice = stringsFor(this.#language()).chooseFirst;
      return;
    }
    const order = question.choices.map((c) => c.id);
    this.selected = [...this.selected].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    this.checked = true;
    const correctResponse = this.#correctIds();
    this.dispatchEvent(
      new QuestionAnsweredEvent({
        questionId: question.id,
        type: question.type,
        graded: question.graded,
        response: [...this.selected],
        correctResponse,
        correct: sameSet(this.selected, correctResponse),
        description: question.promptText,
        latencyMs: Date.now() - this.#shownAt,
      }),
    );
  }

  #language(): string {
    return this.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang ?? 'en';
  }

  #renderChoice(choice: Choice) {
    const t = stringsFor(this.#language());
    const picked = this.selected.includes(choice.id);
    const shown = this.checked && (choice.correct || picked);
    const rowClass = !shown ? '' : choice.correct ? 'is-right' : 'is-wrong';
    const marks = [choice.correct ? t.rightAnswer : '', picked ? t.yourChoice : ''].filter(Boolean);
    return html`<li class="choice ${rowClass}">
      <input
        id="choice-${choice.id}"
        type=${this.inputType}
        name="answer"
        value=${choice.id}
        .checked=${picked}
        ?disabled=${this.checked}
        @change=${this.#onChange}
      />
      <label for="choice-${choice.id}"
        >${unsafeHTML(choice.html)}${
          shown ? html` <span class="mark">(${marks.join(', ')})</span>` : nothing
        }</label
      >
    </li>`;
  }

  #renderFeedback() {
    const question = this.question;
    if (!question) return nothing;
    if (!this.checked) return this.notice ? html`<p>${this.notice}</p>` : nothing;
    const t = stringsFor(this.#language());
    const correct = this.isCorrect;
    const pickedFeedback = question.choices.filter(
      (c) => this.selected.includes(c.id) && c.feedbackHtml,
    );
    const rightAnswers = question.choices.filter((c) => c.correct);
    return html`<p class="verdict">${correct ? t.correct : t.incorrect}</p>
      ${pickedFeedback.map((c) => html`<p>${unsafeHTML(c.feedbackHtml ?? '')}</p>`)}
      ${
        correct
          ? nothing
          : html`<p>
            ${t.rightAnswerIs} ${rightAnswers.map((c, i) => html`${i ? '; ' : ''}${unsafeHTML(c.html)}`)}
          </p>`
      }
      ${question.explanationHtml ? html`<p>${unsafeHTML(question.explanationHtml)}</p>` : nothing}`;
  }

  override render() {
    const question = this.question;
    if (!question) return nothing;
    const t = stringsFor(this.#language());
    return html`<fieldset>
      <legend>${unsafeHTML(question.promptHtml)}</legend>
      ${
        question.hintHtml
          ? html`<p class="hint"><strong>${t.hint}:</strong> ${unsafeHTML(question.hintHtml)}</p>`
          : nothing
      }
      <ul class="choices" role="list">
        ${question.choices.map((choice) => this.#renderChoice(choice))}
      </ul>
      <button type="button" aria-disabled=${this.checked ? 'true' : 'false'} @click=${this.#check}>
        ${t.checkAnswer}
      </button>
      <div class="feedback" role="status" aria-live="polite">${this.#renderFeedback()}</div>
    </fieldset>`;
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}
