/** How the contract answers single- and multiple-choice questions. */
import type { ChoiceQuestion } from '@teach-in/course-schema';
import { sendKeys } from '@web/test-runner-commands';
import type { QuestionElement } from '../src/question-base/question-element.ts';
import {
  choose,
  expectSameElement,
  focusedIn,
  type QuestionDriver,
  textOf,
} from './question-contract.ts';

export const inputsOf = (el: QuestionElement): HTMLInputElement[] => [
  ...el.shadowRoot!.querySelectorAll('input'),
];

export const correctIds = (question: ChoiceQuestion): string[] =>
  question.choices.filter((c) => c.correct).map((c) => c.id);

export const firstWrongId = (question: ChoiceQuestion): string =>
  question.choices.find((c) => !c.correct)!.id;

/**
 * Chooses the given choices with the keyboard alone, starting with focus on the first
 * input: radios move (and select) with the arrow keys, checkboxes are Tab stops toggled
 * with Space.
 */
export async function chooseWithKeyboard(
  el: QuestionElement,
  ids: readonly string[],
): Promise<void> {
  const inputs = inputsOf(el);
  const radio = inputs[0]?.type === 'radio';
  const targets = ids.map((id) => inputs.findIndex((i) => i.value === id)).sort((a, b) => a - b);
  let at = 0;
  for (const target of targets) {
    while (at < target) {
      await sendKeys({ press: radio ? 'ArrowDown' : 'Tab' });
      at += 1;
    }
    expectSameElement(focusedIn(el), inputs[target], 'focus');
    if (!inputs[target]?.checked) await sendKeys({ press: 'Space' });
  }
  await el.updateComplete;
}

/** Leaves exactly these choices picked, clicking as a pointer user would (right ids last-first). */
async function pickExactly(el: QuestionElement, ids: readonly string[]): Promise<void> {
  const inputs = inputsOf(el);
  if (inputs[0]?.type === 'radio') return choose(el, ids);
  const toggles = inputs.filter((i) => i.checked !== ids.includes(i.value));
  await choose(el, toggles.map((i) => i.value).reverse());
}

export function choiceDriver(
  tag: 'ti-single-choice' | 'ti-multiple-choice',
  makeQuestion: () => ChoiceQuestion,
): QuestionDriver<ChoiceQuestion> {
  const question = makeQuestion();
  return {
    tag,
    makeQuestion,
    groupName: (q) => q.promptText,
    actionLabel: 'Check answer',
    controls: inputsOf,
    answerRight: (el) => pickExactly(el, correctIds(question)),
    rightResponse: correctIds,
    answerWithKeyboard: (el) => chooseWithKeyboard(el, correctIds(question)),
    emptyNotice: 'Choose an answer first.',
    graded: {
      answerWrong: (el) => pickExactly(el, [firstWrongId(question)]),
      wrongResponse: (q) => [firstWrongId(q)],
      rightAnswerText: (q) =>
        q.choices
          .filter((c) => c.correct)
          .map((c) => textOf(c.html))
          .join('; '),
      displayedOrder: (el) => inputsOf(el).map((i) => i.value),
      authoredOrder: (q) => q.choices.map((c) => c.id),
    },
  };
}

export function inputFor(el: QuestionElement, choiceId: string): HTMLInputElement {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${choiceId}"]`);
  if (!input) throw new Error(`No input for choice ${choiceId}`);
  return input;
}
