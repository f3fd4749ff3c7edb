import { expect } from '@open-wc/testing';
import '../choice-question/single-choice.ts';
import type { SavedState } from '@teach-in/course-schema';
import type { CourseShellElement } from './course-shell.ts';
import './course-shell.ts';
import {
  answer,
  finalQuestion,
  loadCourseCss,
  mountShell,
  poolQuestions,
  questionById,
  twoModuleCourse,
} from '../../test-support/shell-test-support.ts';
import { drawPools, questionSeed } from './draws.ts';

const poolIds = poolQuestions.map((q) => q.id);
const shownPoolIds = (el: CourseShellElement) =>
  el.questions.filter((q) => poolIds.includes(q.questionId) && !q.hidden).map((q) => q.questionId);

describe('question pools and seeds', () => {
  // course.css hides [hidden] question elements over their own :host display.
  before(loadCourseCss);

  it('draws 2 of the pool of 3, hides the other and seeds every question', async () => {
    const el = await mountShell(twoModuleCourse());
    const state = el.snapshot();
    expect(state.pools['check/final']).to.have.length(2);
    expect(shownPoolIds(el)).to.deep.equal(state.pools['check/final']);
    const hidden = el.questions.filter((q) => q.hidden);
    expect(hidden).to.have.length(1);
    expect(getComputedStyle(hidden[0]!).display).to.equal('none');
    expect(questionById(el, finalQuestion.id).hidden, 'not in a pool: always asked').to.equal(
      false,
    );
    for (const q of el.questions) expect(q.seed).to.equal(questionSeed(state.seed, q.questionId));
    expect(new Set(el.questions.map((q) => q.seed)).size, 'one seed per question').to.equal(4);
  });

  it('keeps the same draw and seeds when the learner comes back', async () => {
    const first = await mountShell(twoModuleCourse());
    const saved: SavedState = JSON.parse(JSON.stringify(first.snapshot()));
    const again = await mountShell(twoModuleCourse());
    again.restore(saved);
    again.begin();
    expect(shownPoolIds(again)).to.deep.equal(saved.pools['check/final']);
    expect(again.snapshot().seed).to.equal(saved.seed);
    expect(again.questions.map((q) => q.seed)).to.deep.equal(first.questions.map((q) => q.seed));
  });

  it('keeps saved draws even if the seed would draw others', async () => {
    const el = await mountShell(twoModuleCourse());
    el.restore({ seed: 7, pools: { 'check/final': ['pool-one', 'pool-three'] } });
    expect(shownPoolIds(el)).to.deep.equal(['pool-one', 'pool-three']);
  });

  it('redraws a saved draw that no longer fits the pool', async () => {
    const el = await mountShell(twoModuleCourse());
    el.restore({ seed: 7, pools: { 'check/final': ['pool-one', 'removed-question'] } });
    expect(shownPoolIds(el)).to.deep.equal(
      drawPools(new Map([['check/final', poolIds]]), { 'check/final': 2 }, 7)['check/final'],
    );
  });

  it('gives each fresh attempt its own seed, and seeds draw differently', async () => {
    const a = await mountShell(twoModuleCourse());
    const b = await mountShell(twoModuleCourse());
    expect(a.snapshot().seed).not.to.equal(b.snapshot().seed);
    const draws = new Set(
      Array.from({ length: 20 }, (_, seed) =>
        drawPools(new Map([['p', poolIds]]), { p: 2 }, seed).p!.join(','),
      ),
    );
    expect(draws.size, 'all three possible draws occur').to.equal(3);
  });

  it('scores only the drawn questions that count', async () => {
    const el = await mountShell(twoModuleCourse());
    el.goTo(2);
    for (const q of el.drawnQuestions) await answer(q, ['Answer A']);
    el.goTo(2);
    await el.updateComplete;
    const finish = el.querySelector<HTMLButtonElement>('.ti-next')!;
    const done = new Promise<CustomEvent>((resolve) =>
      el.addEventListener('ti-finish', (e) => resolve(e as unknown as CustomEvent), { once: true }),
    );
    finish.click();
    expect((await done).detail).to.deep.equal({
      scorePercent: 100,
      passed: true,
      completed: false,
    });
    await el.updateComplete;
    expect(el.querySelector('.ti-results')?.textContent).not.to.include('not answered');
  });

  it('never saves answers of questions a pool left out', async () => {
    const el = await mountShell(twoModuleCourse());
    const left = el.questions.find((q) => q.hidden)!;
    const saved = el.snapshot();
    saved.answers[left.questionId] = { response: ['a'], attempts: 1, done: true };
    const again = await mountShell(twoModuleCourse());
    again.restore(saved);
    expect(again.questions.find((q) => q.questionId === left.questionId)!.answered).to.equal(false);
    expect(Object.keys(again.snapshot().answers)).not.to.include(left.questionId);
  });
});
