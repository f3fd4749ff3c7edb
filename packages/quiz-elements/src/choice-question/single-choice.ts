import { questionTags } from '@teach-in/course-schema/scoring';
import { customElement } from 'lit/decorators.js';
import { ChoiceQuestionElement } from './choice-question.ts';

/**
 * One right answer among several: radio buttons.
 *
 * Attributes, the `ti-answer` event and the CSS custom properties: see QuestionElement.
 */
@customElement(questionTags.single)
export class SingleChoiceElement extends ChoiceQuestionElement {
  protected readonly inputType = 'radio';
}

declare global {
  interface HTMLElementTagNameMap {
    [questionTags.single]: SingleChoiceElement;
  }
}
