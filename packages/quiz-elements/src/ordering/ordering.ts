import type { OrderingQuestion } from '@teach-in/course-schema';
import { questionTags } from '@teach-in/course-schema/scoring';
import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { GradedQuestionElement } from '../question-base/graded-question.ts';
import { seededDerangedOrder } from '../question-base/shuffle.ts';
import { orderingStyles } from './ordering.styles.ts';

/**
 * Put items in order with "Move up" and "Move down" buttons (no dragging). The items start
 * in a seeded order that is never already right; after a move, focus stays on the button
 * of the moved item and the live region announces its new position. Tokens are item ids
 * in the learner's order.
 *
 * Attributes, the `ti-answer` event and the CSS custom properties: see QuestionElement.
 * @cssprop [--ti-muted] - The position numbers beside the items.
 */
@customElement(questionTags.ordering)
export class OrderingElement extends GradedQuestionElement<OrderingQuestion> {
  static override styles = orderingStyles;

  protected validTokens(tokens: readonly string[]): string[] {
    const ids = this.question?.items.map((item) => item.id) ?? [];
    const isPermutation = tokens.length === ids.length && ids.every((id) => tokens.includes(id));
    return isPermutation ? [...tokens] : [];
  }

  /** Before any move (or after a reset), the seeded starting order. */
  protected override currentResponse(): string[] {
    const arranged = this.validTokens(this.picked);
    if (arranged.length) return arranged;
    const ids = this.question?.items.map((item) => item.id) ?? [];
    return seededDerangedOrder(ids, this.seed, this.questionId);
  }

  protected renderRightAnswer(question: OrderingQuestion): unknown {
    return html`<ol>
      ${question.items.map((item) => html`<li>${unsafeHTML(item.html)}</li>`)}
    </ol>`;
  }

  #move(id: string, by: -1 | 1): void {
    if (this.locked) return;
    const order = this.currentResponse();
    const from = order.indexOf(id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= order.length) return;
    order.splice(from, 1);
    order.splice(to, 0, id);
    this.picked = order;
    const text = this.renderRoot.querySelector(`#item-${id}`)?.textContent?.trim() ?? '';
    this.notice = this.t.movedTo(text, to + 1, order.length);
    // Rows are reused by position, so focus follows the item to its new row.
    const buttonId = `${by < 0 ? 'up' : 'down'}-${id}`;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#${buttonId}`)?.focus(),
    );
  }

  protected renderBody(question: OrderingQuestion) {
    const t = this.t;
    const order = this.currentResponse();
    const byId = new Map(question.items.map((item) => [item.id, item]));
    const showMarks = this.answered;
    return html`<ol class="items">
      ${order.map((id, index) => {
        const item = byId.get(id);
        if (!item) return nothing;
        const right = question.items[index]?.id === id;
        const first = index === 0;
        const last = index === order.length - 1;
        return html`<li class="item ${showMarks ? (right ? 'is-right' : 'is-wrong') : ''}">
          <span class="text" id="item-${id}">${unsafeHTML(item.html)}${
            showMarks
              ? html` <span class="mark">(${right ? t.rightPlace : t.wrongPlace})</span>`
              : nothing
          }</span>
          <span class="moves">
            <button
              type="button"
              id="up-${id}"
              aria-labelledby="up-${id} item-${id}"
              aria-disabled=${first ? 'true' : 'false'}
              ?disabled=${this.locked}
              @click=${() => this.#move(id, -1)}
            >
              ${t.moveUp}
            </button>
            <button
              type="button"
              id="down-${id}"
              aria-labelledby="down-${id} item-${id}"
              aria-disabled=${last ? 'true' : 'false'}
              ?disabled=${this.locked}
              @click=${() => this.#move(id, 1)}
            >
              ${t.moveDown}
            </button>
          </span>
        </li>`;
      })}
    </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    [questionTags.ordering]: OrderingElement;
  }
}
