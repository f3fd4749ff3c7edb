import { css } from 'lit';
import { questionStyles } from '../question-base/question.styles.ts';

/** Selects sit in the line of text; a long option still fits a phone. */
export const dropdownStyles = [
  questionStyles,
  css`
    .sentence {
      line-height: 2.75;
      margin: 0;
    }
    select {
      margin: 0.125rem 0;
      border-width: 2px;
    }
    select.is-right {
      border-color: var(--ti-success, #1b6e3a);
    }
    select.is-wrong {
      border-color: var(--ti-danger, #b00020);
    }
  `,
];
