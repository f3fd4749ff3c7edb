import type { GradedQuestion, QuestionProgress } from '@teach-in/course-schema';
import { correctResponse, isCorrect } from '@teach-in/course-schema/scoring';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { htmlOrNothing, QuestionElement } from './question-element.ts';

/**
 * Questions with a right answer. The learner answers, checks, and either is right, tries
 * again while tries remain, or (after the last try) sees the right answer. The answer is
 * kept as response tokens in `picked`, so saving, restoring and reporting are the same
 * for every type; subclasses turn tokens into inputs and back.
 */
export abstract class GradedQuestionElement<
  Q extends GradedQuestion = GradedQuestion,
> extends QuestionElement<Q> {
  /** The learner's answer so far, as response tokens (not yet normalized). */
  @state() protected picked: string[] = [];
  @state() protected attemptsUsed = 0;
  /** Showing the result of a check: the inputs are locked. */
  @state() protected locked = false;
  @state() protected lastCorrect: boolean | null = null;

  get counts(): boolean {
    return this.question?.graded ?? false;
  }

  get answered(): boolean {
    return this.locked && (this.lastCorrect === true || this.attemptsUsed >= this.#maxAttempts());
  }

  get isCorrect(): boolean | null {
    return this.lastCorrect;
  }

  get progress(): QuestionProgress {
    return { response: this.currentResponse(), attempts: this.attemptsUsed, done: this.answered };
  }

  /** After the last try with a wrong answer: the right answer is on show. */
  protected get showingAnswer(): boolean {
    return this.answered && this.lastCorrect === false;
  }

  /** The valid tokens among `tokens`, in a canonical order (stable for reports). */
  protected abstract validTokens(tokens: readonly string[]): string[];

  /** Why `response` cannot be checked yet, or '' when it can. */
  protected missingNotice(response: readonly string[]): string {
    return response.length ? '' : this.t.chooseFirst;
  }

  /** The answer as it stands, ready to check. */
  protected currentResponse(): string[] {
    return this.validTokens(this.picked);
  }

  /** Feedback on the learner's own picks (per choice, per statement...). */
  protected itemFeedback(_question: Q): string[] {
    return [];
  }

  /** The right answer, shown after the last wrong try. */
  protected abstract renderRightAnswer(question: Q): unknown;

  restore(saved: QuestionProgress): void {
    const question = this.question;
    if (!question) return;
    const response = this.validTokens(Array.isArray(saved.response) ? saved.response : []);
    this.picked = response;
    this.notice = '';
    const complete = this.missingNotice(response) === '';
    const attempts = Number.isInteger(saved.attempts) ? saved.attempts : 0;
    this.attemptsUsed = complete
      ? Math.min(Math.max(attempts, saved.done ? 1 : 0), this.#maxAttempts())
      : 0;
    this.lastCorrect = this.attemptsUsed ? isCorrect(question, response) : null;
    // A finished question shows its result; one with tries left waits for the next try.
    this.locked =
      this.attemptsUsed > 0 && (this.lastCorrect || this.attemptsUsed >= this.#maxAttempts());
  }

  override reset(): void {
    this.picked = [];
    this.attemptsUsed = 0;
    this.locked = false;
    this.lastCorrect = null;
    super.reset();
  }

  /** Replaces or removes the token for `key` (`<key>.<value>` types). */
  protected pick(key: string, value: string): void {
    const others = this.picked.filter((token) => !token.startsWith(`${key}.`));
    this.picked = value ? [...others, `${key}.${value}`] : others;
    this.notice = '';
  }

  /** The value picked for `key`, or ''. */
  protected pickFor(key: string): string {
    const token = this.picked.find((t) => t.startsWith(`${key}.`));
    return token ? token.slice(key.length + 1) : '';
  }

  protected check(): void {
    const question = this.question;
    if (!question || this.locked) return;
    const response = this.currentResponse();
    const missing = this.missingNotice(response);
    if (missing) {
      this.notice = missing;
      return;
    }
    this.picked = response;
    this.attemptsUsed += 1;
    this.locked = true;
    this.notice = '';
    const correct = isCorrect(question, response);
    this.lastCorrect = correct;
    this.emitAnswer({
      counts: this.counts,
      response,
      correctResponse: correctResponse(question),
      correct,
      attempt: this.attemptsUsed,
      final: this.answered,
      private: false,
    });
  }

  protected tryAgain(): void {
    if (!this.locked || this.answered) return;
    this.locked = false;
    this.notice = '';
    this.restartClock();
    this.focusFirstControl();
  }

  #maxAttempts(): number {
    return Math.max(1, this.question?.attempts ?? 1);
  }

  protected renderActions(): TemplateResult {
    const t = this.t;
    if (this.locked && !this.answered) {
      return html`<button type="button" @click=${this.tryAgain}>${t.tryAgain}</button>`;
    }
    // aria-disabled rather than disabled: focus stays on the button after checking.
    return html`<button type="button" aria-disabled=${this.locked ? 'true' : 'false'} @click=${this.check}>
      ${t.checkAnswer}
    </button>`;
  }

  protected renderFeedback(question: Q): unknown {
    if (!this.locked) return this.notice ? html`<p>${this.notice}</p>` : nothing;
    const t = this.t;
    const right = this.lastCorrect === true;
    const done = this.answered;
    return html`<p class="verdict">${right ? t.correct : t.incorrect}</p>
      ${this.itemFeedback(question).map((fragment) => html`<p>${unsafeHTML(fragment)}</p>`)}
      ${done ? htmlOrNothing(right ? question.correctFeedbackHtml : question.incorrectFeedbackHtml) : nothing}
      ${done ? nothing : html`<p>${t.triesLeft(this.#maxAttempts() - this.attemptsUsed)}</p>`}
      ${this.showingAnswer ? html`<div class="answer">${t.rightAnswerIs} ${this.renderRightAnswer(question)}</div>` : nothing}
      ${done ? htmlOrNothing(question.explanationHtml) : nothing}`;
  }
}
