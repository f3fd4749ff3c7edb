import { css } from 'lit';

/**
 * Styles every question shares (one stylesheet object, adopted once by every element).
 * Targets are at least 44 px high, focus is always visible, nothing moves, and long words
 * wrap so a question fits 320 px.
 */
export const questionStyles = css`
  :host {
    display: block;
    margin: 1.5rem 0;
    color: var(--ti-text, #1a1a1a);
    overflow-wrap: anywhere;
  }
  fieldset {
    border: 1px solid var(--ti-border, #767676);
    border-radius: 0.5rem;
    margin: 0;
    padding: 1rem;
    min-width: 0;
  }
  legend {
    font-weight: 700;
    font-size: 1.05rem;
    padding: 0 0.25rem;
  }
  .hint {
    margin: 0.5rem 0 0;
    font-size: 0.95rem;
  }
  .body {
    margin: 0.75rem 0;
  }
  ul,
  ol {
    margin: 0;
    padding: 0;
  }
  .choices {
    list-style: none;
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.75rem;
    min-height: 2.75rem;
    padding: 0.5rem;
    border-radius: 0.375rem;
    border: 2px solid transparent;
  }
  .choice label {
    flex: 1;
    cursor: pointer;
  }
  input[type='radio'],
  input[type='checkbox'] {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    flex: none;
    accent-color: var(--ti-accent, #9b1c1c);
  }
  /* A disabled radio is drawn faintly: shade the picked row so the answer stays visible. */
  .choice:has(input:checked:disabled),
  .option:has(input:checked:disabled) {
    background: var(--ti-feedback-bg, #f3f3f3);
  }
  .is-right {
    border-color: var(--ti-success, #1b6e3a);
  }
  .is-wrong {
    border-color: var(--ti-danger, #b00020);
  }
  .mark {
    font-weight: 700;
    font-size: 0.9rem;
  }
  .is-right .mark,
  .mark.is-right {
    color: var(--ti-success, #1b6e3a);
  }
  .is-wrong .mark,
  .mark.is-wrong {
    color: var(--ti-danger, #b00020);
  }
  input:not([type='radio']):not([type='checkbox']),
  select,
  textarea {
    font: inherit;
    box-sizing: border-box;
    max-width: 100%;
    min-height: 2.75rem;
    padding: 0.375rem 0.5rem;
    border: 1px solid var(--ti-border, #767676);
    border-radius: 0.375rem;
    background: var(--ti-field-bg, #fff);
    color: inherit;
  }
  button {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.5rem 1.25rem;
    border-radius: 0.375rem;
    border: 2px solid var(--ti-accent, #9b1c1c);
    background: var(--ti-accent, #9b1c1c);
    color: var(--ti-on-accent, #fff);
    cursor: pointer;
  }
  button[aria-disabled='true'],
  button:disabled {
    background: transparent;
    color: var(--ti-text, #1a1a1a);
    border-color: var(--ti-border, #767676);
    cursor: default;
  }
  :focus-visible {
    outline: 3px solid var(--ti-focus, #1d4ed8);
    outline-offset: 2px;
  }
  .feedback:not(:empty) {
    margin-top: 0.75rem;
    padding: 0.75rem;
    border-radius: 0.375rem;
    background: var(--ti-feedback-bg, #f3f3f3);
  }
  .feedback p {
    margin: 0.25rem 0;
  }
  .verdict {
    font-weight: 700;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
      scroll-behavior: auto !important;
    }
  }
`;
