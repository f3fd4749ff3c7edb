import type { QuestionProgress, ReflectionQuestion } from '@teach-in/course-schema';
import { questionTags, reflectionMaxLength } from '@teach-in/course-schema/scoring';
import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { UngradedQuestionElement } from '../question-base/ungraded-question.ts';
import { reflectionStyles } from './reflection.styles.ts';

/**
 * Free text for the learner themselves. A visible note (which also describes the text box)
 * says plainly whether the text stays on this device or goes to the LMS. The text stays
 * editable: every "Save" reports it again, marked private unless the author shared it, so
 * the shell keeps it on the device and never sends it. The token is the text, trimmed.
 *
 * Attributes, the `ti-answer` event and the CSS custom properties: see QuestionElement.
 */
@customElement(questionTags.reflection)
export class ReflectionElement extends UngradedQuestionElement<ReflectionQuestion> {
  static override styles = reflectionStyles;

  /** Whether the text on screen is the text last saved. */
  @state() private saved = false;

  protected validTokens(tokens: readonly string[]): string[] {
    const text = (tokens[0] ?? '').trim().slice(0, reflectionMaxLength);
    return text ? [text] : [];
  }

  protected override get locked(): boolean {
    return false;
  }

  protected override get actionLabel(): string {
    return this.t.save;
  }

  protected override get missingNotice(): string {
    return this.t.typeFirst;
  }

  protected override get isPrivate(): boolean {
    return !this.question?.share;
  }

  protected renderFeedback(question: ReflectionQuestion) {
    const t = this.t;
    const notice =
      this.notice || (this.saved ? (question.share ? t.savedAndSent : t.savedOnDevice) : '');
    return notice ? html`<p>${notice}</p>` : '';
  }

  #onInput(event: Event): void {
    this.picked = [(event.target as HTMLTextAreaElement).value];
    this.notice = '';
    // An edit is not saved yet: say "Saved" again only after the next Save.
    this.saved = false;
  }

  protected override submit(): void {
    super.submit();
    this.saved = this.answered && !this.notice;
  }

  override restore(saved: QuestionProgress): void {
    super.restore(saved);
    this.saved = this.answered;
  }

  override reset(): void {
    super.reset();
    this.saved = false;
  }

  protected renderBody(question: ReflectionQuestion) {
    const t = this.t;
    return html`<label for="text">${t.yourAnswer}</label>
      <textarea
        id="text"
        rows="5"
        maxlength=${reflectionMaxLength}
        aria-describedby="privacy"
        .value=${this.picked[0] ?? ''}
        @input=${this.#onInput}
      ></textarea>
      <p class="privacy" id="privacy">
        ${question.share ? t.reflectionIsShared : t.reflectionStaysHere}
      </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    [questionTags.reflection]: ReflectionElement;
  }
}
