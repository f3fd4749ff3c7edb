import type { ScenarioQuestion } from '@teach-in/course-schema';
import { questionTags } from '@teach-in/course-schema/scoring';
import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { UngradedQuestionElement } from '../question-base/ungraded-question.ts';
import { scenarioStyles } from './scenario.styles.ts';

/**
 * A situation and what the learner would do. After "Submit", the consequence of their
 * choice is shown and announced. The learner's first choice is what the course records
 * (one answer, no retries muddling a workshop poll); to still learn from the paths not
 * taken, the other choices' consequences are then offered in a collapsed section below
 * the live region, read at the learner's pace rather than announced. Token: a choice id.
 *
 * Attributes, the `ti-answer` event and the CSS custom properties: see QuestionElement.
 */
@customElement(questionTags.scenario)
export class ScenarioElement extends UngradedQuestionElement<ScenarioQuestion> {
  static override styles = scenarioStyles;

  protected validTokens(tokens: readonly string[]): string[] {
    const choice = this.question?.choices.find((c) => c.id === tokens[0]);
    return tokens.length === 1 && choice ? [choice.id] : [];
  }

  protected renderFeedback(question: ScenarioQuestion) {
    if (!this.answered) return this.notice ? html`<p>${this.notice}</p>` : nothing;
    const chosen = question.choices.find((c) => c.id === this.picked[0]);
    return chosen ? html`<p>${unsafeHTML(chosen.feedbackHtml)}</p>` : nothing;
  }

  protected override renderAfter(question: ScenarioQuestion) {
    const others = question.choices.filter((c) => c.id !== this.picked[0]);
    if (!this.answered || !others.length) return nothing;
    return html`<details class="others">
      <summary>${this.t.otherConsequences}</summary>
      <ul>
        ${others.map((c) => html`<li><strong>${unsafeHTML(c.html)}</strong>: ${unsafeHTML(c.feedbackHtml)}</li>`)}
      </ul>
    </details>`;
  }

  protected renderBody(question: ScenarioQuestion) {
    return html`<ul class="choices" role="list">
      ${question.choices.map(
        (choice) => html`<li class="choice">
          <input
            id="choice-${choice.id}"
            type="radio"
            name="choice"
            value=${choice.id}
            .checked=${this.picked[0] === choice.id}
            ?disabled=${this.locked}
            @change=${() => {
              this.picked = [choice.id];
              this.notice = '';
            }}
          />
          <label for="choice-${choice.id}">${unsafeHTML(choice.html)}</label>
        </li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    [questionTags.scenario]: ScenarioElement;
  }
}
