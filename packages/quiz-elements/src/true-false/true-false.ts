import type { Statement, TrueFalseQuestion } from '@teach-in/course-schema';
import { questionTags } from '@teach-in/course-schema/scoring';
import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { GradedQuestionElement } from '../question-base/graded-question.ts';
import { trueFalseStyles } from './true-false.styles.ts';

/**
 * Statements to mark true or false: each statement is a radio group named by its text,
 * with two native radios. Tokens are `<statement id>.true` or `.false`.
 *
 * Attributes, the `ti-answer` event and the CSS custom properties: see QuestionElement.
 * @cssprop [--ti-border-light] - The line between statements.
 */
@customElement(questionTags['true-false'])
export class TrueFalseElement extends GradedQuestionElement<TrueFalseQuestion> {
  static override styles = trueFalseStyles;

  protected validTokens(tokens: readonly string[]): string[] {
    return (this.question?.statements ?? []).flatMap((s) => {
      const token = tokens.find((t) => t === `${s.id}.true` || t === `${s.id}.false`);
      return token ? [token] : [];
    });
  }

  protected override missingNotice(response: readonly string[]): string {
    return response.length < (this.question?.statements.length ?? 0) ? this.t.answerEveryPart : '';
  }

  protected override itemFeedback(question: TrueFalseQuestion): string[] {
    // Statement feedback tends to give the answer away: only once the question is done.
    return this.answered
      ? question.statements.flatMap((s) => (s.feedbackHtml ? [s.feedbackHtml] : []))
      : [];
  }

  protected renderRightAnswer(question: TrueFalseQuestion): unknown {
    const t = this.t;
    return html`<ul>
      ${question.statements.map(
        (s) => html`<li>${unsafeHTML(s.html)} — ${s.answer ? t.trueLabel : t.falseLabel}</li>`,
      )}
    </ul>`;
  }

  #renderOption(statement: Statement, value: boolean) {
    const t = this.t;
    const id = `tf-${statement.id}-${value}`;
    const picked = this.pickFor(statement.id) === String(value);
    const right = statement.answer === value;
    const shown = this.answered && (right || picked);
    const marks = [right ? t.rightAnswer : '', picked ? t.yourChoice : ''].filter(Boolean);
    return html`<span class="option ${shown ? (right ? 'is-right' : 'is-wrong') : ''}">
      <input
        id=${id}
        type="radio"
        name="tf-${statement.id}"
        value=${String(value)}
        .checked=${picked}
        ?disabled=${this.locked}
        @change=${() => this.pick(statement.id, String(value))}
      />
      <label for=${id}
        >${value ? t.trueLabel : t.falseLabel}${
          shown ? html` <span class="mark">(${marks.join(', ')})</span>` : nothing
        }</label
      >
    </span>`;
  }

  protected renderBody(question: TrueFalseQuestion) {
    return html`<div class="statements">
      ${this.seeded(question.statements, question.shuffle).map(
        (s) => html`<div class="statement" role="radiogroup" aria-labelledby="st-${s.id}">
          <span class="text" id="st-${s.id}">${unsafeHTML(s.html)}</span>
          <span class="options">${this.#renderOption(s, true)}${this.#renderOption(s, false)}</span>
        </div>`,
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap
    extends Record<(typeof questionTags)['true-false'], TrueFalseElement> {}
}
