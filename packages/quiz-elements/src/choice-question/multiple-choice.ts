import { customElement } from 'lit/decorators.js';
import { ChoiceQuestionElement } from './choice-question.ts';

/** Every right answer must be picked: checkboxes. */
@customElement('ti-multiple-choice')
export class MultipleChoiceElement extends ChoiceQuestionElement {
  protected readonly inputType = 'checkbox';
}

declare global {
  interface HTMLElementTagNameMap {
    'ti-multiple-choice': MultipleChoiceElement;
  }
}
