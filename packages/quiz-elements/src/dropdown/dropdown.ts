import type { DropdownQuestion, DropdownSegment } from '@teach-in/course-schema';
import { questionTags } from '@teach-in/course-schema/scoring';
import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { GradedQuestionElement } from '../question-base/graded-question.ts';
import { dropdownStyles } from './dropdown.styles.ts';

type Blank = Extract<DropdownSegment, { kind: 'blank' }>;

/**
 * A sentence with a native select in each blank, labelled "Blank 1 of 2" and so on. The
 * legend is the prompt, or "Choose the missing words." when the sentence is the question.
 * Tokens are `<blank id>.<option id>`.
 *
 * Attributes, the `ti-answer` event and the CSS custom properties: see QuestionElement.
 */
@customElement(questionTags.dropdown)
export class DropdownElement extends GradedQuestionElement<DropdownQuestion> {
  static override styles = dropdownStyles;

  #blanks(): Blank[] {
    return (this.question?.segments ?? []).filter((s): s is Blank => s.kind === 'blank');
  }

  protected validTokens(tokens: readonly string[]): string[] {
    return this.#blanks().flatMap((blank) => {
      const token = tokens.find(
        (t) =>
          t.startsWith(`${blank.id}.`) && blank.options.some((o) => t === `${blank.id}.${o.id}`),
      );
      return token ? [token] : [];
    });
  }

  protected override missingNotice(response: readonly string[]): string {
    return response.length < this.#blanks().length ? this.t.answerEveryPart : '';
  }

  protected override renderLegend(question: DropdownQuestion): unknown {
    return question.promptHtml ? unsafeHTML(question.promptHtml) : this.t.completeSentence;
  }

  protected renderRightAnswer(question: DropdownQuestion): unknown {
    return question.sentenceText;
  }

  #renderBlank(blank: Blank, n: number, total: number, shuffle: boolean) {
    const t = this.t;
    const value = this.pickFor(blank.id);
    const right = value === blank.correct;
    const rightText = blank.options.find((o) => o.id === blank.correct)?.text ?? '';
    return html`<select
        aria-label=${t.blankOf(n, total)}
        class=${this.answered ? (right ? 'is-right' : 'is-wrong') : ''}
        ?disabled=${this.locked}
        @change=${(event: Event) => this.pick(blank.id, (event.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${!value}>${t.choosePlaceholder}</option>
        ${this.seeded(blank.options, shuffle, `:${blank.id}`).map(
          (o) => html`<option value=${o.id} ?selected=${value === o.id}>${o.text}</option>`,
        )}
      </select>${
        this.answered && !right
          ? html` <span class="mark is-wrong">(${t.rightAnswer}: ${rightText})</span>`
          : nothing
      }`;
  }

  protected renderBody(question: DropdownQuestion) {
    const total = this.#blanks().length;
    let n = 0;
    return html`<p class="sentence">
      ${question.segments.map((segment) =>
        segment.kind === 'text'
          ? unsafeHTML(segment.html)
          : this.#renderBlank(segment, ++n, total, question.shuffle),
      )}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    [questionTags.dropdown]: DropdownElement;
  }
}
