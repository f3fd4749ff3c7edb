import type {
  LikertQuestion,
  QuestionProgress,
  ReflectionQuestion,
  ScenarioQuestion,
} from '@teach-in/course-schema';
import { html, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { QuestionElement } from './question-element.ts';

export type UngradedQuestion = LikertQuestion | ScenarioQuestion | ReflectionQuestion;

/**
 * Questions without a right answer: the learner submits (or saves) and is never told
 * right or wrong. Every submit is reported with `correct: null` and `final: true`.
 */
export abstract class UngradedQuestionElement<
  Q extends UngradedQuestion = UngradedQuestion,
> extends QuestionElement<Q> {
  /** The answer as response tokens. */
  @state() protected picked: string[] = [];
  /** How many times the learner submitted (saved); 0 before the first. */
  @state() protected submissions = 0;

  get counts(): boolean {
    return false;
  }

  get answered(): boolean {
    return this.submissions > 0;
  }

  get isCorrect(): null {
    return null;
  }

  get progress(): QuestionProgress {
    return {
      response: this.validTokens(this.picked),
      attempts: this.submissions,
      done: this.answered,
    };
  }

  /** The valid answer among `tokens`: [] when there is none. */
  protected abstract validTokens(tokens: readonly string[]): string[];

  /** Locked after submitting (likert, scenario) or editable (reflection). */
  protected get locked(): boolean {
    return this.answered;
  }

  protected get actionLabel(): string {
    return this.t.submit;
  }

  protected get missingNotice(): string {
    return this.t.chooseFirst;
  }

  protected get isPrivate(): boolean {
    return false;
  }

  restore(saved: QuestionProgress): void {
    this.picked = this.validTokens(Array.isArray(saved.response) ? saved.response : []);
    const submissions = Number.isInteger(saved.attempts) ? saved.attempts : 0;
    this.submissions = this.picked.length ? Math.max(submissions, saved.done ? 1 : 0) : 0;
    this.notice = '';
  }

  override reset(): void {
    this.picked = [];
    this.submissions = 0;
    super.reset();
  }

  protected submit(): void {
    if (this.locked) return;
    const response = this.validTokens(this.picked);
    if (!response.length) {
      this.notice = this.missingNotice;
      return;
    }
    this.picked = response;
    this.submissions += 1;
    this.notice = '';
    this.emitAnswer({
      counts: false,
      response,
      correctResponse: [],
      correct: null,
      attempt: this.submissions,
      final: true,
      private: this.isPrivate,
    });
    this.restartClock();
  }

  protected renderActions(): TemplateResult {
    return html`<button type="button" aria-disabled=${this.locked ? 'true' : 'false'} @click=${this.submit}>
      ${this.actionLabel}
    </button>`;
  }
}
