import { css } from 'lit';
import { questionStyles } from '../question-base/question.styles.ts';

/** A grid of statements; the True/False pair wraps under the statement on a narrow screen. */
export const trueFalseStyles = [
  questionStyles,
  css`
    .statement {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--ti-border-light, #d0d0d0);
    }
    .statement .text {
      flex: 1 1 14rem;
    }
    .options {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
    }
    .option {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 2.75rem;
      padding: 0 0.375rem;
      border: 2px solid transparent;
      border-radius: 0.375rem;
    }
  `,
];
