import { css } from 'lit';
import { questionStyles } from '../question-base/question.styles.ts';

/** A full-width text box and the privacy note right under it. */
export const reflectionStyles = [
  questionStyles,
  css`
    label {
      display: block;
      margin-bottom: 0.375rem;
    }
    textarea {
      display: block;
      width: 100%;
      resize: vertical;
    }
    .privacy {
      margin: 0.5rem 0 0;
      font-size: 0.95rem;
    }
  `,
];
