import { customElement } from 'lit/decorators.js';
import { ChoiceQuestionElement } from './choice-question.ts';

/** One right answer among several: radio buttons. */
@customElement('ti-single-choice')
export class SingleChoiceElement extends ChoiceQuestionElement {
  protected readonly inputType = 'radio';
}

declare global {
  interface HTMLElementTagNameMap {
    'ti-single-choice': SingleChoiceElement;
  }
}
