import { css } from 'lit';
import { questionStyles } from '../question-base/question.styles.ts';

/** Numbered items; the move buttons wrap under the item text on a narrow screen. */
export const orderingStyles = [
  questionStyles,
  css`
    .items {
      padding-inline-start: 1.75rem;
    }
    .item {
      padding: 0.375rem;
      border: 2px solid transparent;
      border-radius: 0.375rem;
    }
    .item .text {
      display: block;
      margin-bottom: 0.375rem;
    }
    .moves {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .moves button {
      padding: 0.375rem 0.75rem;
      background: transparent;
      color: var(--ti-accent, #9b1c1c);
    }
    .moves button[aria-disabled='true'],
    .moves button:disabled {
      color: var(--ti-muted, #595959);
      border-style: dashed;
    }
  `,
];
