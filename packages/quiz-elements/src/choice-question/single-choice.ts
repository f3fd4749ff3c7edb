import { questionTags } from '@teach-in/course-schema/scoring';
import { customElement } from 'lit/decorators.js';
import { ChoiceQuestionElement } from './choice-question.ts';

/** One right answer among several: radio buttons. */
@customElement(questionTags.single)
export class SingleChoiceElement extends ChoiceQuestionElement {
  protected readonly inputType = 'radio';
}

declare global {
  interface HTMLElementTagNameMap {
    [questionTags.single]: SingleChoiceElement;
  }
}
