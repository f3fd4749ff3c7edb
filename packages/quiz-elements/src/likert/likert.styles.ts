import { css } from 'lit';
import { questionStyles } from '../question-base/question.styles.ts';

/** A column on a phone; the points side by side, label under the radio, on a wide screen. */
export const likertStyles = [
  questionStyles,
  css`
    @media (min-width: 40rem) {
      .scale {
        display: flex;
        gap: 0.5rem;
      }
      .scale .choice {
        flex: 1 1 0;
        flex-direction: column;
        align-items: center;
        text-align: center;
      }
    }
  `,
];
