import { expect } from '@open-wc/testing';
import { builtInTheme, themeCss, themeNames } from '@teach-in/course-schema/themes';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../choice-question/single-choice.ts';
import type { CourseShellElement } from './course-shell.ts';
import './course-shell.ts';
import {
  answer,
  loadCourseCss,
  mountShell,
  normalized,
  twoModuleCourse,
} from '../../test-support/shell-test-support.ts';
import type { ShellQuestion } from './shell-question.ts';

const certificate = {
  title: 'Your data rights at work',
  union: 'Example Union',
  courseId: 'two-modules',
  version: '1.2.0',
  code: 'ABCD-EFGH',
};

/** The shell as the builder writes it, with the certificate and "what to do next". */
async function mountFinished(rightly: boolean, learnerName?: string): Promise<CourseShellElement> {
  const el = await mountShell(twoModuleCourse(`summary-${Math.random()}`));
  el.dataset.certificate = JSON.stringify(certificate);
  const next = document.createElement('template');
  next.className = 'ti-next-steps';
  next.innerHTML = '<p>Ask your steward about the <strong>data request</strong> letter.</p>';
  el.append(next);
  if (learnerName) el.learnerName = learnerName;
  for (let page = 1; page < el.pages.length; page++) el.goTo(page);
  await el.updateComplete;
  // Every question of the fixture has "Answer A" right.
  for (const question of el.drawnQuestions) {
    await answer(question as ShellQuestion, [rightly ? 'Answer A' : 'Answer B']);
  }
  el.querySelector<HTMLButtonElement>('.ti-next')!.click();
  await el.updateComplete;
  return el;
}

const results = (el: CourseShellElement) => el.querySelector<HTMLElement>('.ti-results')!;

describe('the summary page and the certificate', () => {
  before(loadCourseCss);
  afterEach(async () => {
    document.getElementById('theme-css')?.remove();
    await emulateMedia({ colorScheme: 'light' });
    await setViewport({ width: 800, height: 600 });
  });

  it("lists each module's result, nothing to revisit, what to do next, and the LMS's name", async () => {
    const el = await mountFinished(true, 'Test Learner');
    const text = normalized(results(el).textContent);
    expect(text).to.contain('Your score: 100%.');
    expect(text).to.contain('Who decides: no scored questions; 2 of 2 pages seen');
    expect(text).to.contain('Check your knowledge: 100%, passed; 1 of 1 pages seen');
    expect(text).to.contain('Nothing: every page seen, every answer right.');
    expect(text).to.contain('Ask your steward about the data request letter.');
    const card = results(el).querySelector('.ti-certificate')!;
    expect(normalized(card.textContent)).to.match(
      /^Example Union Certificate of completion This certifies that Test Learner has completed the course Your data rights at work on .+\. Course two-modules, version 1\.2\.0, check code ABCD-EFGH$/,
    );
    expect(results(el).querySelector('input'), 'no name to type: the LMS gave one').to.equal(null);
  });

  it('links the pages to revisit and holds the certificate back until the pass mark', async () => {
    const el = await mountFinished(false);
    const links = [...results(el).querySelectorAll<HTMLAnchorElement>('.ti-revisit a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).to.deep.equal([
      ['Final check', '#page-3'],
    ]);
    expect(results(el).querySelector('.ti-certificate')).to.equal(null);
    expect(normalized(results(el).textContent)).to.contain('reach the pass mark');
    links[0]!.click();
    await el.updateComplete;
    expect(el.currentIndex).to.equal(2);
  });

  it('in the offline copy the learner types the name the certificate shows', async () => {
    const el = await mountFinished(true);
    const input = results(el).querySelector<HTMLInputElement>('input#ti-certificate-name')!;
    expect(input.labels?.[0]?.textContent).to.contain('Your name');
    input.value = 'Amina Yusuf';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(normalized(results(el).querySelector('.ti-certificate-learner')!.textContent)).to.equal(
      'Amina Yusuf',
    );
  });

  // A 1280 px window zoomed to 200% lays out 640 CSS px; text enlarged on top of that
  // (WCAG 1.4.4) must still fit with no sideways scrolling.
  it('200% zoom with text at 200%: the summary and certificate fit and stay accessible', async () => {
    await setViewport({ width: 640, height: 400 });
    document.documentElement.style.fontSize = '200%';
    try {
      const el = await mountFinished(true, 'Test Learner');
      expect(document.documentElement.scrollWidth).to.be.at.most(640);
      await expect(el).to.be.accessible();
    } finally {
      document.documentElement.style.fontSize = '';
    }
  });

  for (const name of themeNames) {
    for (const mode of ['light', 'dark'] as const) {
      it(`${name}, ${mode}, 320 px: no axe violations on the summary and the certificate`, async () => {
        const style = document.createElement('style');
        style.id = 'theme-css';
        style.textContent = themeCss(builtInTheme(name));
        document.head.append(style);
        await emulateMedia({ colorScheme: mode });
        await setViewport({ width: 320, height: 640 });
        const el = await mountFinished(true);
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
        await expect(el).to.be.accessible();
      });
    }
  }
});
