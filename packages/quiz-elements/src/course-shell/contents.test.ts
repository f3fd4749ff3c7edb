import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../choice-question/single-choice.ts';
import type { CourseShellElement } from './course-shell.ts';
import './course-shell.ts';
import {
  expectSameElement,
  mountShell,
  normalized,
  pagesOf,
  twoModuleCourse,
  visiblePageIds,
} from '../../test-support/shell-test-support.ts';

const toggleOf = (el: CourseShellElement) =>
  el.querySelector<HTMLButtonElement>('.ti-contents-toggle')!;
const contentsOf = (el: CourseShellElement) => el.querySelector<HTMLElement>('.ti-contents')!;
const linkNamed = (el: CourseShellElement, name: string) =>
  [...contentsOf(el).querySelectorAll('a')].find((a) =>
    normalized(a.textContent).startsWith(name),
  )!;
const extraOn = (el: CourseShellElement) =>
  [...el.querySelectorAll<HTMLElement>('.ti-extra')]
    .filter((s) => !s.hidden)
    .map((s) => s.dataset.extra);

async function openContents(el: CourseShellElement): Promise<void> {
  toggleOf(el).click();
  await el.updateComplete;
}

describe('ti-course contents', () => {
  it('is a closed disclosure until the Contents button opens it', async () => {
    const el = await mountShell(twoModuleCourse());
    const toggle = toggleOf(el);
    expect(normalized(toggle.textContent)).to.equal('Contents');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.getAttribute('aria-controls')).to.equal(contentsOf(el).id);
    expect(contentsOf(el).hidden).to.equal(true);
    await openContents(el);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(contentsOf(el).hidden).to.equal(false);
    expect(contentsOf(el).getAttribute('aria-label')).to.equal('Contents');
  });

  it('lists modules and their pages, then the pages about the course', async () => {
    const el = await mountShell(twoModuleCourse());
    await openContents(el);
    const lists = [...contentsOf(el).querySelectorAll('ol, ul')].map((list) => ({
      label: normalized(
        document.getElementById(list.getAttribute('aria-labelledby')!)?.textContent,
      ),
      links: [...list.querySelectorAll('a')].map((a) => a.getAttribute('href')),
    }));
    expect(lists).to.deep.equal([
      { label: 'Who decides', links: ['#page-1', '#page-2'] },
      { label: 'Check your knowledge', links: ['#page-3'] },
      {
        label: 'About this course',
        links: ['#glossary-heading', '#references-heading', '#data-notice-heading'],
      },
    ]);
  });

  it('marks the current page and the pages seen', async () => {
    const el = await mountShell(twoModuleCourse());
    el.goTo(1);
    await el.updateComplete;
    await openContents(el);
    const current = contentsOf(el).querySelectorAll('[aria-current="page"]');
    expect(current).to.have.length(1);
    expect(normalized(current[0]!.textContent)).to.equal('Your rights (you are here) ✓, seen');
    expect(normalized(linkNamed(el, 'Welcome').textContent)).to.equal('Welcome ✓, seen');
    expect(normalized(linkNamed(el, 'Final check').textContent)).to.equal('Final check');
  });

  it('goes to a page from the keyboard and moves focus to its heading', async () => {
    const el = await mountShell(twoModuleCourse());
    toggleOf(el).focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(contentsOf(el).hidden).to.equal(false);
    await sendKeys({ press: 'Tab' });
    expectSameElement(document.activeElement, linkNamed(el, 'Welcome'), 'focus');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expectSameElement(document.activeElement, linkNamed(el, 'Final check'), 'focus');
    setTimeout(() => sendKeys({ press: 'Enter' }));
    const view = await oneEvent(el, 'ti-page-view');
    await el.updateComplete;
    expect(view.detail.pageId).to.equal('check/final');
    expect(visiblePageIds(el)).to.deep.equal(['check/final']);
    expect(contentsOf(el).hidden, 'contents closes').to.equal(true);
    expectSameElement(document.activeElement, pagesOf(el)[2]!.querySelector('h2'), 'focus');
  });

  it('closes on Escape and gives focus back to the Contents button', async () => {
    const el = await mountShell(twoModuleCourse());
    await openContents(el);
    linkNamed(el, 'Your rights').focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(contentsOf(el).hidden).to.equal(true);
    expect(toggleOf(el).getAttribute('aria-expanded')).to.equal('false');
    expectSameElement(document.activeElement, toggleOf(el), 'focus');
  });

  it('opens the data notice outside the page sequence and comes back', async () => {
    const el = await mountShell(twoModuleCourse());
    el.goTo(1);
    await el.updateComplete;
    await openContents(el);
    const views: string[] = [];
    el.addEventListener('ti-page-view', (e) => views.push(e.detail.pageId));
    linkNamed(el, 'What this course records').click();
    await el.updateComplete;
    expect(extraOn(el)).to.deep.equal(['data-notice']);
    expect(visiblePageIds(el)).to.deep.equal([]);
    expect(el.currentIndex, 'the course page is kept').to.equal(1);
    expect(views, 'no page view is reported').to.deep.equal([]);
    expectSameElement(document.activeElement, el.querySelector('#data-notice-heading'), 'focus');
    const back = el.querySelector<HTMLButtonElement>('.ti-back')!;
    expect(normalized(back.textContent)).to.equal('Back to the course');
    expect(el.querySelector('.ti-next')).to.equal(null);
    back.click();
    await el.updateComplete;
    expect(extraOn(el)).to.deep.equal([]);
    expect(visiblePageIds(el)).to.deep.equal(['who-decides/rights']);
    expectSameElement(document.activeElement, pagesOf(el)[1]!.querySelector('h2'), 'focus');
  });

  it('follows a reference back to the page that cites it', async () => {
    const el = await mountShell(twoModuleCourse());
    el.openExtra('references');
    await el.updateComplete;
    el.querySelector<HTMLAnchorElement>('.ti-cited-on a')!.click();
    await el.updateComplete;
    expect(visiblePageIds(el)).to.deep.equal(['who-decides/rights']);
    expectSameElement(document.activeElement, el.querySelector('#page-2'), 'focus');
  });

  it('has no axe violations with the contents open and on each page about the course', async () => {
    const el = await mountShell(twoModuleCourse());
    await openContents(el);
    await expect(el).to.be.accessible();
    for (const extra of ['glossary', 'references', 'data-notice']) {
      el.openExtra(extra);
      await el.updateComplete;
      await expect(el).to.be.accessible();
    }
  });
});
