import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import '../choice-question/single-choice.ts';
import type { CourseShellElement } from './course-shell.ts';
import './course-shell.ts';
import {
  loadCourseCss,
  mountShell,
  twoModuleCourse,
} from '../../test-support/shell-test-support.ts';

/** No horizontal scrolling: the page is no wider than the viewport. */
function expectNoHorizontalScroll(what: string): void {
  const width = document.documentElement.scrollWidth;
  expect(width, `${what}: page is ${width}px wide in a 320px viewport`).to.be.at.most(320);
}

async function openContents(el: CourseShellElement): Promise<void> {
  el.querySelector<HTMLButtonElement>('.ti-contents-toggle')!.click();
  await el.updateComplete;
}

describe('the shell with the course stylesheet', () => {
  before(loadCourseCss);
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('fits 320px (400% of 1280, 200% of 640) without horizontal scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await mountShell(twoModuleCourse());
    expectNoHorizontalScroll('first page');
    await openContents(el);
    expectNoHorizontalScroll('contents open');
    el.querySelector<HTMLButtonElement>('.ti-term')!.click();
    expectNoHorizontalScroll('glossary term open');
    for (const extra of ['glossary', 'references', 'data-notice']) {
      el.openExtra(extra);
      await el.updateComplete;
      expectNoHorizontalScroll(extra);
    }
    el.goTo(2);
    await el.updateComplete;
    expectNoHorizontalScroll('questions page');
  });

  it('gives every shell control a target of at least 24 by 24 px', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await mountShell(twoModuleCourse());
    el.goTo(1);
    await el.updateComplete;
    await openContents(el);
    const controls = [
      ...el.querySelectorAll<HTMLElement>('.ti-shell-top button, .ti-contents a, .ti-shell button'),
    ];
    expect(controls.length).to.be.greaterThan(5);
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      const name = control.textContent?.trim();
      expect(box.width, `${name} width`).to.be.at.least(24);
      expect(box.height, `${name} height`).to.be.at.least(24);
    }
  });

  it('shows a visible focus ring on keyboard focus', async () => {
    const el = await mountShell(twoModuleCourse());
    el.querySelector<HTMLElement>('#page-1')!.focus();
    await sendKeys({ press: 'Tab' }); // the glossary term
    const style = getComputedStyle(document.activeElement!);
    expect(style.outlineStyle).to.equal('solid');
    expect(Number.parseFloat(style.outlineWidth)).to.be.at.least(2);
  });

  it('turns off smooth scrolling and transitions when reduced motion is asked for', async () => {
    const el = await mountShell(twoModuleCourse());
    // Anything an author or a later rule animates: transition, animation, smooth scrolling.
    const moving = document.createElement('div');
    moving.style.cssText = 'transition: opacity 1s; scroll-behavior: smooth; animation: spin 1s';
    el.append(moving);
    const motion = () => {
      const style = getComputedStyle(moving);
      return [style.transitionDuration, style.scrollBehavior, style.animationName];
    };
    expect(motion(), 'without the preference').to.deep.equal(['1s', 'smooth', 'spin']);
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(motion(), 'with reduced motion').to.deep.equal(['0s', 'auto', 'none']);
  });

  it('has no axe violations, contrast included, with contents open, a term open and on the notice', async () => {
    const el = await mountShell(twoModuleCourse());
    await openContents(el);
    el.querySelector<HTMLButtonElement>('.ti-term')!.click();
    await expect(el).to.be.accessible();
    el.openExtra('data-notice');
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
