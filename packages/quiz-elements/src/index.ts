export { ChoiceQuestionElement } from './choice-question/choice-question.ts';
export { MultipleChoiceElement } from './choice-question/multiple-choice.ts';
export { SingleChoiceElement } from './choice-question/single-choice.ts';
export { CourseShellElement } from './course-shell/course-shell.ts';
export type { ShellQuestion } from './course-shell/shell-question.ts';
export { questionSelector } from './course-shell/shell-question.ts';
export { DropdownElement } from './dropdown/dropdown.ts';
export type { FinishDetail, PageViewDetail } from './events.ts';
export { CourseFinishEvent, PageViewEvent, QuestionAnsweredEvent } from './events.ts';
export { FillInElement } from './fill-in/fill-in.ts';
export { LikertElement } from './likert/likert.ts';
export { MatchingElement } from './matching/matching.ts';
export { OrderingElement } from './ordering/ordering.ts';
export { GradedQuestionElement } from './question-base/graded-question.ts';
export { QuestionElement } from './question-base/question-element.ts';
export type { UngradedQuestion } from './question-base/ungraded-question.ts';
export { UngradedQuestionElement } from './question-base/ungraded-question.ts';
export { ReflectionElement } from './reflection/reflection.ts';
export { ScenarioElement } from './scenario/scenario.ts';
export type { InterfaceLanguage, Strings } from './strings/index.ts';
export { interfaceLanguages, languageOf, stringsFor } from './strings/index.ts';
export { TrueFalseElement } from './true-false/true-false.ts';

import type { QuestionType, questionTags } from '@teach-in/course-schema';
/**
 * The element class under each question type's tag (course-schema's `questionTags`). No code:
 * it fails to compile while a question type has no element declared for its tag
 * (docs/architecture.md, "Add a question type").
 */
export type QuestionElementOf = {
  [T in QuestionType]: HTMLElementTagNameMap[(typeof questionTags)[T]];
};
