import type { Choice, ChoiceQuestion } from '@teach-in/course-schema';
import { html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { GradedQuestionElement } from '../question-base/graded-question.ts';
import { choiceQuestionStyles } from './choice-question.styles.ts';

/**
 * Shared behaviour of single- and multiple-choice questions: native inputs labelled by the
 * choice text inside the question's fieldset. Tokens are choice ids.
 */
export abstract class ChoiceQuestionElement extends GradedQuestionElement<ChoiceQuestion> {
  static override styles = choiceQuestionStyles;

  protected abstract readonly inputType: 'radio' | 'checkbox';

  protected validTokens(tokens: readonly string[]): string[] {
    const ids = this.question?.choices.map((c) => c.id) ?? [];
    const valid = ids.filter((id) => tokens.includes(id));
    // A saved single answer with two ids is not an answer.
    return this.inputType === 'radio' && valid.length > 1 ? [] : valid;
  }

  protected override itemFeedback(question: ChoiceQuestion): string[] {
    return question.choices.flatMap((c) =>
      this.picked.includes(c.id) && c.feedbackHtml ? [c.feedbackHtml] : [],
    );
  }

  protected renderRightAnswer(question: ChoiceQuestion): unknown {
    return question.choices
      .filter((c) => c.correct)
      .map((c, i) => html`${i ? '; ' : ''}${unsafeHTML(c.html)}`);
  }

  #onChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (this.locked) return;
    this.notice = '';
    if (this.inputType === 'radio') {
      this.picked = [input.value];
    } else {
      const others = this.picked.filter((id) => id !== input.value);
      this.picked = input.checked ? [...others, input.value] : others;
    }
  }

  #renderChoice(choice: Choice) {
    const t = this.t;
    const picked = this.picked.includes(choice.id);
    const shown = this.answered && (choice.correct || picked);
    const rowClass = !shown ? '' : choice.correct ? 'is-right' : 'is-wrong';
    const marks = [choice.correct ? t.rightAnswer : '', picked ? t.yourChoice : ''].filter(Boolean);
    return html`<li class="choice ${rowClass}">
      <input
        id="choice-${choice.id}"
        type=${this.inputType}
        name="answer"
        value=${choice.id}
        .checked=${picked}
        ?disabled=${this.locked}
        @change=${this.#onChange}
      />
      <label for="choice-${choice.id}"
        >${unsafeHTML(choice.html)}${
          shown ? html` <span class="mark">(${marks.join(', ')})</span>` : nothing
        }</label
      >
    </li>`;
  }

  protected renderBody(question: ChoiceQuestion) {
    return html`<ul class="choices" role="list">
      ${this.seeded(question.choices, question.shuffle).map((choice) => this.#renderChoice(choice))}
    </ul>`;
  }
}
