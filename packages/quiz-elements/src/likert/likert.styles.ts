import { css } from 'lit';
import { questionStyles } from '../question-base/question.styles.ts';

/** A column when narrow; the points side by side, label under the radio, when wide. */
export const likertStyles = [
  questionStyles,
  css`
    :host {
      container-type: inline-size;
    }
    @container (min-width: 36rem) {
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
