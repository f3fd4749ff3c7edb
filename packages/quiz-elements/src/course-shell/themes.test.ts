import { expect, fixture } from '@open-wc/testing';
import { builtInTheme, themeCss, themeNames, themes } from '@teach-in/course-schema/themes';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import '../choice-question/single-choice.ts';
import type { CourseShellElement } from './course-shell.ts';
import './course-shell.ts';
import { answer, loadCourseCss, twoModuleCourse } from '../../test-support/shell-test-support.ts';
import type { ShellQuestion } from './shell-question.ts';

/** The theme's rules after course.css, exactly as the builder appends them. */
function applyTheme(name: (typeof themeNames)[number]): void {
  document.getElementById('theme-css')?.remove();
  const style = document.createElement('style');
  style.id = 'theme-css';
  style.textContent = themeCss(builtInTheme(name));
  document.head.append(style);
}

const logo =
  'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"%3E%3Ccircle cx="5" cy="5" r="5"/%3E%3C/svg%3E';

/** The page as render-page.ts writes it: header with the union's name, then the course. */
async function mountPage(): Promise<CourseShellElement> {
  const page = await fixture<HTMLElement>(html`<div>
    <header class="ti-header"><div class="ti-header-inner">
      <div class="ti-brand"><img class="ti-logo" src=${logo} alt=""><p class="ti-union">Example Union</p></div>
      <h1>Your data rights at work</h1>
    </div></header>
    <main>${twoModuleCourse('themes')}</main>
  </div>`);
  const shell = page.querySelector<CourseShellElement>('ti-course')!;
  await shell.updateComplete;
  return shell;
}

const rgb = (hex: string) =>
  `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

describe('the built-in themes in Chromium at 320 px', () => {
  before(loadCourseCss);
  beforeEach(() => setViewport({ width: 320, height: 640 }));
  afterEach(async () => {
    document.getElementById('theme-css')?.remove();
    await emulateMedia({ colorScheme: 'light' });
    await setViewport({ width: 800, height: 600 });
  });

  // A 1280 px window zoomed to 200% lays out 640 CSS px; text enlarged on top of that
  // (WCAG 1.4.4) must still fit with no sideways scrolling, in every theme.
  for (const name of themeNames) {
    it(`${name}, 200% zoom with text at 200%: pages and answered questions fit`, async () => {
      applyTheme(name);
      await setViewport({ width: 640, height: 400 });
      document.documentElement.style.fontSize = '200%';
      try {
        const shell = await mountPage();
        shell.goTo(2);
        await shell.updateComplete;
        const questions = [...shell.querySelectorAll<ShellQuestion>('ti-single-choice')].filter(
          (q) => !q.hidden,
        );
        await answer(questions[0]!, ['Answer A']);
        expect(document.documentElement.scrollWidth).to.be.at.most(640);
        await expect(shell.parentElement!.parentElement!).to.be.accessible();
      } finally {
        document.documentElement.style.fontSize = '';
      }
    });
  }

  for (const name of themeNames) {
    for (const mode of ['light', 'dark'] as const) {
      it(`${name}, ${mode}: no axe violations (contrast included) on a page, the contents and answered questions`, async () => {
        applyTheme(name);
        await emulateMedia({ colorScheme: mode });
        const shell = await mountPage();
        const palette = themes[name][mode];
        expect(getComputedStyle(document.body).backgroundColor).to.equal(rgb(palette.background));
        expect(getComputedStyle(document.querySelector('.ti-header')!).color).to.equal(
          rgb(palette['header-text']),
        );
        shell.querySelector<HTMLButtonElement>('.ti-contents-toggle')!.click();
        shell.querySelector<HTMLButtonElement>('.ti-term')!.click();
        await shell.updateComplete;
        await expect(shell.parentElement!.parentElement!).to.be.accessible();

        shell.goTo(2);
        await shell.updateComplete;
        const questions = [...shell.querySelectorAll<ShellQuestion>('ti-single-choice')].filter(
          (q) => !q.hidden,
        );
        await answer(questions[0]!, ['Answer A']);
        await answer(questions[1]!, ['Answer B']);
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
        await expect(shell.parentElement!.parentElement!).to.be.accessible();
      });
    }
  }
});
