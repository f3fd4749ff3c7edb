import type { MatchingQuestion, MatchPrompt } from '@teach-in/course-schema';
import { questionTags } from '@teach-in/course-schema/scoring';
import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { GradedQuestionElement } from '../question-base/graded-question.ts';
import { matchingStyles } from './matching.styles.ts';

/**
 * Pairs without dragging: each prompt labels a native select of the targets (the same
 * seeded order in every select). Tokens are `<prompt id>.<target id>`.
 *
 * Attributes, the `ti-answer` event and the CSS custom properties: see QuestionElement.
 */
@customElement(questionTags.matching)
export class MatchingElement extends GradedQuestionElement<MatchingQuestion> {
  static override styles = matchingStyles;

  protected validTokens(tokens: readonly string[]): string[] {
    const question = this.question;
    if (!question) return [];
    const targets = new Set(question.targets.map((t) => t.id));
    return question.prompts.flatMap((p) => {
      const token = tokens.find(
        (t) => t.startsWith(`${p.id}.`) && targets.has(t.slice(p.id.length + 1)),
      );
      return token ? [token] : [];
    });
  }

  protected override missingNotice(response: readonly string[]): string {
    return response.length < (this.question?.prompts.length ?? 0) ? this.t.answerEveryPart : '';
  }

  protected override itemFeedback(question: MatchingQuestion): string[] {
    return this.answered
      ? question.prompts.flatMap((p) => (p.feedbackHtml ? [p.feedbackHtml] : []))
      : [];
  }

  #targetText(id: string): string {
    return this.question?.targets.find((t) => t.id === id)?.text ?? '';
  }

  protected renderRightAnswer(question: MatchingQuestion): unknown {
    return html`<ul>
      ${question.prompts.map((p) => html`<li>${unsafeHTML(p.html)} — ${this.#targetText(p.match)}</li>`)}
    </ul>`;
  }

  #renderPrompt(prompt: MatchPrompt, question: MatchingQuestion) {
    const t = this.t;
    const value = this.pickFor(prompt.id);
    const right = value === prompt.match;
    const shown = this.answered;
    return html`<li class="pair ${shown ? (right ? 'is-right' : 'is-wrong') : ''}">
      <label for="match-${prompt.id}">${unsafeHTML(prompt.html)}</label>
      <select
        id="match-${prompt.id}"
        ?disabled=${this.locked}
        @change=${(event: Event) => this.pick(prompt.id, (event.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${!value}>${t.choosePlaceholder}</option>
        ${this.seeded(question.targets, question.shuffle, ':targets').map(
          (target) =>
            html`<option value=${target.id} ?selected=${value === target.id}>${target.text}</option>`,
        )}
      </select>
      ${
        shown && !right
          ? html`<span class="mark">(${t.rightAnswer}: ${this.#targetText(prompt.match)})</span>`
          : nothing
      }
    </li>`;
  }

  protected renderBody(question: MatchingQuestion) {
    return html`<ul class="pairs" role="list">
      ${this.seeded(question.prompts, question.shuffle).map((p) => this.#renderPrompt(p, question))}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    [questionTags.matching]: MatchingElement;
  }
}
