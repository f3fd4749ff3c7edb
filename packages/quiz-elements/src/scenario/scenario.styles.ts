import { css } from 'lit';
import { questionStyles } from '../question-base/question.styles.ts';

/** The paths not taken: a quiet disclosure under the feedback. */
export const scenarioStyles = [
  questionStyles,
  css`
    .others {
      margin-top: 0.75rem;
    }
    .others summary {
      min-height: 2.75rem;
      display: flex;
      align-items: center;
      cursor: pointer;
      font-weight: 700;
    }
    .others summary::before {
      content: '▸';
      margin-inline-end: 0.5rem;
    }
    .others[open] summary::before {
      content: '▾';
    }
    .others ul {
      padding-inline-start: 1.25rem;
    }
    .others li {
      margin: 0.375rem 0;
    }
  `,
];
