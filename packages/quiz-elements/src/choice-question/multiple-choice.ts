import { questionTags } from '@teach-in/course-schema/scoring';
import { customElement } from 'lit/decorators.js';
import { ChoiceQuestionElement } from './choice-question.ts';

/**
 * Every right answer must be picked: checkboxes.
 *
 * Attributes, the `ti-answer` event and the CSS custom properties: see QuestionElement.
 */
@customElement(questionTags.multiple)
export class MultipleChoiceElement extends ChoiceQuestionElement {
  protected readonly inputType = 'checkbox';
}

declare global {
  interface HTMLElementTagNameMap {
    [questionTags.multiple]: MultipleChoiceElement;
  }
}
