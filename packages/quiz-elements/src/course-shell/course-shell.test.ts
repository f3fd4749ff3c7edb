import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../choice-question/multiple-choice.ts';
import '../choice-question/single-choice.ts';
import type { SavedState } from '@teach-in/course-schema';
import { type CourseLayout, decodeState } from '@teach-in/lms-bridge/state';
import type { FinishDetail, PageViewDetail } from '../events.ts';
import type { CourseShellElement } from './course-shell.ts';
import './course-shell.ts';
import {
  answer as answerWith,
  expectSameElement,
  normalized,
  choiceQuestion as question,
  recordAnswers,
} from '../../test-support/shell-test-support.ts';
import type { ShellQuestion } from './shell-question.ts';

const pay = question('pay-transparency', 'single', true, ['b']);
const surveillance = question('surveillance-signs', 'multiple', true, ['a', 'c']);
const opinion = question('your-workplace', 'single', false, ['a']);

/** Three pages; the middle one holds two graded questions and one ungraded. */
async function mountCourse(passingScore = 50): Promise<CourseShellElement> {
  const el = await fixture<CourseShellElement>(html`<ti-course passing-score=${passingScore}>
    <section class="ti-page" data-page-id="welcome">
      <h2>Welcome</h2>
      <p>What this course covers.</p>
    </section>
    <section class="ti-page" data-page-id="check-your-understanding">
      <h2>Check your understanding</h2>
      <ti-single-choice .question=${pay}></ti-single-choice>
      <ti-multiple-choice .question=${surveillance}></ti-multiple-choice>
      <ti-single-choice .question=${opinion}></ti-single-choice>
    </section>
    <section class="ti-page" data-page-id="next-steps">
      <h2>Next steps</h2>
      <p>Talk to your union rep.</p>
    </section>
  </ti-course>`);
  await el.updateComplete;
  return el;
}

const pagesOf = (el: CourseShellElement) => [...el.querySelectorAll<HTMLElement>('.ti-page')];
const visiblePageIds = (el: CourseShellElement) =>
  pagesOf(el)
    .filter((page) => !page.hidden)
    .map((page) => page.dataset.pageId);
const nextButton = (el: CourseShellElement) => el.querySelector<HTMLButtonElement>('.ti-next');
const previousButton = (el: CourseShellElement) =>
  el.querySelector<HTMLButtonElement>('.ti-previous');
const progressText = (el: CourseShellElement) =>
  normalized(el.querySelector('.ti-progress-text')?.textContent);
const questionById = (el: CourseShellElement, id: string) =>
  el.questions.find((q) => q.questionId === id)!;

async function clickNext(el: CourseShellElement): Promise<void> {
  nextButton(el)!.click();
  await el.updateComplete;
}

async function clickPrevious(el: CourseShellElement): Promise<void> {
  previousButton(el)!.click();
  await el.updateComplete;
}

async function answer(q: ShellQuestion, ids: string[]): Promise<void> {
  await answerWith(
    q,
    ids.map((id) => `Answer ${id.toUpperCase()}`),
  );
}

async function finish(el: CourseShellElement): Promise<FinishDetail> {
  el.goTo(pagesOf(el).length - 1);
  await el.updateComplete;
  expect(normalized(nextButton(el)?.textContent)).to.equal('Finish');
  setTimeout(() => nextButton(el)!.click());
  const { detail } = await oneEvent(el, 'ti-finish');
  await el.updateComplete;
  return detail;
}

describe('ti-course', () => {
  describe('navigation', () => {
    it('starts on page 1 of 3 with Next and no Previous', async () => {
      const el = await mountCourse();
      expect(visiblePageIds(el)).to.deep.equal(['welcome']);
      expect(pagesOf(el)[1]!.hidden).to.equal(true);
      expect(pagesOf(el)[2]!.hidden).to.equal(true);
      expect(progressText(el)).to.equal('Page 1 of 3');
      expect(previousButton(el)).to.equal(null);
      expect(normalized(nextButton(el)?.textContent)).to.equal('Next');
      expect(el.currentIndex).to.equal(0);
    });

    it('shows only the next page after Next, and moves focus to its heading', async () => {
      const el = await mountCourse();
      await clickNext(el);
      expect(visiblePageIds(el)).to.deep.equal(['check-your-understanding']);
      expect(progressText(el)).to.equal('Page 2 of 3');
      expect(normalized(previousButton(el)?.textContent)).to.equal('Previous');
      expect(normalized(nextButton(el)?.textContent)).to.equal('Next');
      const heading = pagesOf(el)[1]!.querySelector('h2')!;
      expectSameElement(document.activeElement, heading, 'focus');
      expect(heading.tabIndex).to.equal(-1);
    });

    it('reports each page view with its id, index and total', async () => {
      const el = await mountCourse();
      setTimeout(() => nextButton(el)!.click());
      const view = await oneEvent(el, 'ti-page-view');
      const detail: PageViewDetail = view.detail;
      expect(detail).to.deep.equal({ pageId: 'check-your-understanding', index: 1, total: 3 });
      expect(view.bubbles).to.equal(true);

      setTimeout(() => previousButton(el)!.click());
      expect((await oneEvent(el, 'ti-page-view')).detail).to.deep.equal({
        pageId: 'welcome',
        index: 0,
        total: 3,
      });
    });

    it('offers Finish instead of Next on the last page', async () => {
      const el = await mountCourse();
      await clickNext(el);
      await clickNext(el);
      expect(visiblePageIds(el)).to.deep.equal(['next-steps']);
      expect(progressText(el)).to.equal('Page 3 of 3');
      expect(normalized(nextButton(el)?.textContent)).to.equal('Finish');
      expect(el.querySelectorAll('.ti-nav-buttons button')).to.have.length(2);
    });

    it('goes back with Previous, hiding it again on page 1', async () => {
      const el = await mountCourse();
      await clickNext(el);
      await clickPrevious(el);
      expect(visiblePageIds(el)).to.deep.equal(['welcome']);
      expect(previousButton(el)).to.equal(null);
      expectSameElement(document.activeElement, pagesOf(el)[0]!.querySelector('h2'), 'focus');
    });

    it('moves between pages with the keyboard alone', async () => {
      const el = await mountCourse();
      nextButton(el)!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(visiblePageIds(el)).to.deep.equal(['check-your-understanding']);
      expectSameElement(document.activeElement, pagesOf(el)[1]!.querySelector('h2'), 'focus');
      // From the heading, Tab reaches the page's first question, not a hidden page.
      await sendKeys({ press: 'Tab' });
      expectSameElement(document.activeElement, questionById(el, pay.id), 'focus');
    });

    it('ignores goTo() outside the pages and finds pages by id', async () => {
      const el = await mountCourse();
      el.goTo(7);
      el.goTo(-1);
      expect(el.currentIndex).to.equal(0);
      expect(el.indexOf('next-steps')).to.equal(2);
      expect(el.indexOf('no-such-page')).to.equal(-1);
    });
  });

  describe('finishing', () => {
    it('scores graded questions only, and passes at the passing score', async () => {
      const el = await mountCourse(50);
      await answer(questionById(el, pay.id), ['b']); // right
      await answer(questionById(el, surveillance.id), ['a']); // partial: wrong
      await answer(questionById(el, opinion.id), ['c']); // ungraded: does not count
      const detail = await finish(el);
      expect(detail).to.deep.equal({ scorePercent: 50, passed: true, completed: false });

      const results = normalized(el.querySelector('.ti-results')?.textContent);
      expect(results).to.include('Your score: 50%. You passed.');
      expect(results).to.include('The pass mark is 50%.');
      expectSameElement(document.activeElement, el.querySelector('.ti-results h2'), 'focus');
    });

    it('fails below the passing score and counts unanswered graded questions as wrong', async () => {
      const el = await mountCourse(80);
      await clickNext(el);
      await answer(questionById(el, surveillance.id), ['a', 'c']);
      await clickNext(el);
      const detail = await finish(el);
      expect(detail).to.deep.equal({ scorePercent: 50, passed: false, completed: true });
      const results = normalized(el.querySelector('.ti-results')?.textContent);
      expect(results).to.include('You did not reach the pass mark this time.');
      expect(results).to.include('1 question was not answered.');
    });

    it('reports no score when nothing is graded', async () => {
      const el = await fixture<CourseShellElement>(html`<ti-course passing-score="80">
        <section class="ti-page" data-page-id="only"><h2>Only page</h2></section>
      </ti-course>`);
      await el.updateComplete;
      expect(normalized(nextButton(el)?.textContent)).to.equal('Finish');
      const detail = await finish(el);
      expect(detail).to.deep.equal({ scorePercent: null, passed: null, completed: true });
      const results = normalized(el.querySelector('.ti-results')?.textContent);
      // Then the summary (summary.test.ts): no score anywhere.
      expect(results.startsWith('Your result You have completed this course. ')).to.equal(true);
      expect(results).not.to.match(/Your score|%/);
    });
  });

  describe('saving and restoring', () => {
    it('round-trips page, pages seen and answers through snapshot() and restore()', async () => {
      const el = await mountCourse();
      await clickNext(el);
      await answer(questionById(el, pay.id), ['c']);
      await answer(questionById(el, surveillance.id), ['a', 'c']);
      const saved: SavedState = JSON.parse(JSON.stringify(el.snapshot()));
      expect(saved).to.deep.equal({
        page: 1,
        seen: [0, 1],
        answers: {
          [pay.id]: { response: ['c'], attempts: 1, done: true },
          [surveillance.id]: { response: ['a', 'c'], attempts: 1, done: true },
        },
        pools: {},
        seed: el.snapshot().seed,
        finished: false,
      });

      const again = await mountCourse();
      const answers = recordAnswers(again);
      again.restore(saved);
      setTimeout(() => again.begin());
      const view = await oneEvent(again, 'ti-page-view');
      await again.updateComplete;

      expect(view.detail.pageId).to.equal('check-your-understanding');
      expect(visiblePageIds(again)).to.deep.equal(['check-your-understanding']);
      expect(progressText(again)).to.equal('Page 2 of 3');
      expect(again.snapshot()).to.deep.equal(saved);
      expect(questionById(again, pay.id).isCorrect).to.equal(false);
      expect(questionById(again, surveillance.id).isCorrect).to.equal(true);
      expect(questionById(again, opinion.id).answered).to.equal(false);
      expect(answers, 'restoring reports no answers').to.have.length(0);
    });

    it('keeps a finished course finished, with its result, across a round trip', async () => {
      const el = await mountCourse(50);
      await answer(questionById(el, pay.id), ['b']);
      await finish(el);
      const saved = el.snapshot();
      expect(saved.finished).to.equal(true);

      const again = await mountCourse(50);
      again.restore(saved);
      again.begin();
      await again.updateComplete;
      expect(again.snapshot()).to.deep.equal(saved);
      expect(normalized(again.querySelector('.ti-results')?.textContent)).to.include(
        'Your score: 50%. You passed.',
      );
    });

    it('ignores a saved page or seen pages the course no longer has', async () => {
      const el = await mountCourse();
      el.restore({ page: 9, seen: [0, 5, -1, 1.5] });
      el.begin();
      await el.updateComplete;
      expect(el.currentIndex).to.equal(0);
      expect(el.snapshot().seen).to.deep.equal([0]);
    });

    it('restores answers saved before pools and seeds ({response, checked}), through decodeState', async () => {
      const el = await mountCourse();
      const layout: CourseLayout = {
        courseId: 'shell-test',
        version: '1.0.0',
        completion: 'both',
        passingScore: 50,
        pages: el.pages.map((page) => ({ id: page.dataset.pageId ?? '', moduleId: 'job-quality' })),
        moduleIds: ['job-quality'],
        questions: [
          {
            id: pay.id,
            type: 'single',
            moduleId: 'job-quality',
            counts: true,
            attempts: 1,
            domain: { kind: 'set', ids: ['a', 'b', 'c'] },
          },
        ],
        pools: [],
      };
      // What the first runtime saved: JSON.stringify(shell.snapshot()) (git show ca1a107).
      const firstRuntime = JSON.stringify({
        page: 1,
        seen: [0, 1],
        answers: { [pay.id]: { response: ['b'], checked: true } },
        finished: false,
      });
      el.restore(decodeState(firstRuntime, layout).state);
      await el.updateComplete;
      expect(questionById(el, pay.id).isCorrect).to.equal(true);
      expect(el.snapshot().answers).to.deep.equal({
        [pay.id]: { response: ['b'], attempts: 1, done: true },
      });
    });
  });

  describe('accessibility', () => {
    it('has no axe violations on a page, on the question page and on the result', async () => {
      const el = await mountCourse();
      await expect(el).to.be.accessible();
      await clickNext(el);
      await expect(el).to.be.accessible();
      await answer(questionById(el, pay.id), ['a']);
      await finish(el);
      await expect(el).to.be.accessible();
    });

    it('names the navigation and the progress bar', async () => {
      const el = await mountCourse();
      await clickNext(el);
      expect(el.querySelector('.ti-shell nav')?.getAttribute('aria-label')).to.equal(
        'Course navigation',
      );
      const progress = el.querySelector('progress')!;
      expect(progress.getAttribute('aria-label')).to.equal('Progress');
      expect(progress.max).to.equal(3);
      expect(progress.value).to.equal(2);
    });
  });
});
