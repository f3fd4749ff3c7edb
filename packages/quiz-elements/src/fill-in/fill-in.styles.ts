import { css } from 'lit';
import { questionStyles } from '../question-base/question.styles.ts';

/** The label above a field as wide as the question, up to a comfortable line. */
export const fillInStyles = [
  questionStyles,
  css`
    label {
      display: block;
      margin-bottom: 0.375rem;
    }
    input {
      width: 100%;
      max-width: 24rem;
    }
    input[readonly] {
      background: var(--ti-feedback-bg, #f3f3f3);
    }
  `,
];
