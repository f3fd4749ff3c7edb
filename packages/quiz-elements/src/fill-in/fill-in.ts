import type { FillInQuestion } from '@teach-in/course-schema';
import { fillInMaxLength, questionTags } from '@teach-in/course-schema/scoring';
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { GradedQuestionElement } from '../question-base/graded-question.ts';
import { fillInStyles } from './fill-in.styles.ts';

/**
 * A short typed answer in a labelled text field; Enter checks it. The one token is the
 * text typed, trimmed (scoring also folds spaces and, unless the author says otherwise, case).
 *
 * Attributes, the `ti-answer` event and the CSS custom properties: see QuestionElement.
 */
@customElement(questionTags['fill-in'])
export class FillInElement extends GradedQuestionElement<FillInQuestion> {
  static override styles = fillInStyles;

  protected validTokens(tokens: readonly string[]): string[] {
    const text = (tokens[0] ?? '').trim().slice(0, fillInMaxLength);
    return text ? [text] : [];
  }

  protected override missingNotice(response: readonly string[]): string {
    return response.length ? '' : this.t.typeFirst;
  }

  protected renderRightAnswer(question: FillInQuestion): unknown {
    return question.answers.join('; ');
  }

  #onInput(event: Event): void {
    this.picked = [(event.target as HTMLInputElement).value];
    this.notice = '';
  }

  #onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.isComposing) return;
    event.preventDefault();
    this.check();
  }

  protected renderBody() {
    // readonly rather than disabled once checked: focus stays in the field after Enter.
    return html`<label for="answer">${this.t.yourAnswer}</label>
      <input
        id="answer"
        type="text"
        autocomplete="off"
        spellcheck="false"
        maxlength=${fillInMaxLength}
        .value=${this.picked[0] ?? ''}
        ?readonly=${this.locked}
        @input=${this.#onInput}
        @keydown=${this.#onKeydown}
      />`;
  }
}

declare global {
  interface HTMLElementTagNameMap extends Record<(typeof questionTags)['fill-in'], FillInElement> {}
}
