import { questionStyles } from '../question-base/question.styles.ts';

/** Choice questions need nothing beyond the shared question styles. */
export const choiceQuestionStyles = [questionStyles];
