import type { LikertQuestion } from '@teach-in/course-schema';
import { questionTags } from '@teach-in/course-schema/scoring';
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { UngradedQuestionElement } from '../question-base/ungraded-question.ts';
import { likertStyles } from './likert.styles.ts';

/**
 * How much the learner agrees with a statement: radios for the scale points, lowest first
 * (the author's labels, or the interface's five-point agreement scale). Nothing is right
 * or wrong; once submitted the answer is locked. The token is the point, `1` to `n`.
 *
 * Attributes, the `ti-answer` event and the CSS custom properties: see QuestionElement.
 */
@customElement(questionTags.likert)
export class LikertElement extends UngradedQuestionElement<LikertQuestion> {
  static override styles = likertStyles;

  #labels(): readonly string[] {
    const scale = this.question?.scale ?? [];
    return scale.length ? scale : this.t.agreementScale;
  }

  protected validTokens(tokens: readonly string[]): string[] {
    const point = Number(tokens[0]);
    return tokens.length === 1 &&
      Number.isInteger(point) &&
      point >= 1 &&
      point <= this.#labels().length
      ? [String(point)]
      : [];
  }

  protected renderFeedback() {
    const notice = this.answered ? this.t.answerSaved : this.notice;
    return notice ? html`<p>${notice}</p>` : '';
  }

  protected renderBody() {
    return html`<ul class="choices scale" role="list">
      ${this.#labels().map((label, i) => {
        const point = String(i + 1);
        return html`<li class="choice">
          <input
            id="point-${point}"
            type="radio"
            name="point"
            value=${point}
            .checked=${this.picked[0] === point}
            ?disabled=${this.locked}
            @change=${() => {
              this.picked = [point];
              this.notice = '';
            }}
          />
          <label for="point-${point}">${label}</label>
        </li>`;
      })}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    [questionTags.likert]: LikertElement;
  }
}
