import { expect } from '@open-wc/testing';
import type { ScenarioQuestion } from '@teach-in/course-schema';
import {
  checkAnswer,
  choose,
  liveText,
  mountQuestion,
  normalized,
  press,
  type QuestionDriver,
  recordAnswers,
  runQuestionContract,
  textOf,
} from '../../test-support/question-contract.ts';
import type { QuestionElement } from '../question-base/question-element.ts';
import './scenario.ts';

function makeQuestion(): ScenarioQuestion {
  return {
    type: 'scenario',
    id: 'the-app-decided',
    moduleId: 'job-quality',
    promptHtml: 'Your manager says <em>the app decided</em>. What do you do?',
    promptText: 'Your manager says the app decided. What do you do?',
    choices: [
      { id: 'a', html: 'Say nothing', feedbackHtml: 'The decision stands and nobody learns why.' },
      {
        id: 'b',
        html: 'Ask for the rule the app used',
        feedbackHtml: 'The manager has to find out, and you learn what the app weighs.',
      },
      {
        id: 'c',
        html: 'Raise it with your rep',
        feedbackHtml: 'The union can ask for it for everyone.',
      },
    ],
  };
}

const radiosOf = (el: QuestionElement): HTMLInputElement[] => [
  ...el.shadowRoot!.querySelectorAll('input'),
];

const driver: QuestionDriver<ScenarioQuestion> = {
  tag: 'ti-scenario',
  makeQuestion,
  groupName: (q) => q.promptText,
  actionLabel: 'Submit',
  controls: radiosOf,
  answerRight: (el) => choose(el, ['b']),
  rightResponse: () => ['b'],
  answerWithKeyboard: () => press('ArrowDown'),
  emptyNotice: 'Choose an answer first.',
  ungraded: { submittedText: (q) => textOf(q.choices[1]!.feedbackHtml) },
};

runQuestionContract(driver);

describe('ti-scenario', () => {
  it('announces only the chosen consequence, and offers the others to read after', async () => {
    const question = makeQuestion();
    const el = await mountQuestion('ti-scenario', question);
    expect(el.shadowRoot!.querySelector('details')).to.equal(null);
    await choose(el, ['b']);
    await checkAnswer(el);
    expect(liveText(el)).to.equal(textOf(question.choices[1]!.feedbackHtml));
    const details = el.shadowRoot!.querySelector('details')!;
    expect(details.open).to.equal(false);
    expect(normalized(details.querySelector('summary')?.textContent)).to.equal(
      'What the other choices lead to',
    );
    const others = normalized(details.textContent);
    expect(others).to.include('Say nothing: The decision stands and nobody learns why.');
    expect(others).to.include('Raise it with your rep: The union can ask for it for everyone.');
    expect(others).to.not.include('you learn what the app weighs');
  });

  it('records the first choice only: the answer is locked once submitted', async () => {
    const el = await mountQuestion('ti-scenario', makeQuestion());
    const answers = recordAnswers(el);
    await choose(el, ['a']);
    await checkAnswer(el);
    await checkAnswer(el);
    expect(answers).to.have.length(1);
    expect(radiosOf(el).every((r) => r.disabled)).to.equal(true);
    expect(el.progress).to.deep.equal({ response: ['a'], attempts: 1, done: true });
  });
});
