import { css } from 'lit';
import { questionStyles } from '../question-base/question.styles.ts';

/** Each prompt above its select; the select takes the full width on a phone. */
export const matchingStyles = [
  questionStyles,
  css`
    .pairs {
      list-style: none;
    }
    .pair {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.375rem 1rem;
      padding: 0.5rem;
      border: 2px solid transparent;
      border-radius: 0.375rem;
    }
    .pair label {
      flex: 1 1 12rem;
    }
    .pair select {
      flex: 1 1 12rem;
      min-width: 0;
    }
  `,
];
