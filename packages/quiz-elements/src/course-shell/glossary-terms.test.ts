import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../choice-question/single-choice.ts';
import type { CourseShellElement } from './course-shell.ts';
import './course-shell.ts';
import {
  expectSameElement,
  mountShell,
  twoModuleCourse,
} from '../../test-support/shell-test-support.ts';

const termOf = (el: CourseShellElement) => el.querySelector<HTMLButtonElement>('.ti-term')!;
const definitionOf = (el: CourseShellElement) => el.querySelector<HTMLElement>('#term-1-1')!;
const expanded = (el: CourseShellElement) => termOf(el).getAttribute('aria-expanded');

/** A real pointer click at the term's centre, as a tap gives: focus, then click. */
async function tap(element: HTMLElement): Promise<void> {
  const box = element.getBoundingClientRect();
  await sendMouse({
    type: 'click',
    position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
  });
}

describe('glossary terms in the text', () => {
  it('shows the definition in place while the term has keyboard focus', async () => {
    const el = await mountShell(twoModuleCourse());
    expect(definitionOf(el).hidden).to.equal(true);
    expect(expanded(el)).to.equal('false');
    el.querySelector<HTMLElement>('#page-1')!.focus();
    await sendKeys({ press: 'Tab' });
    expectSameElement(document.activeElement, termOf(el), 'focus');
    expect(expanded(el)).to.equal('true');
    expect(definitionOf(el).hidden).to.equal(false);
    expect(definitionOf(el).getBoundingClientRect().height).to.be.greaterThan(0);
    await sendKeys({ press: 'Tab' });
    expect(expanded(el), 'leaving the term closes it').to.equal('false');
    expect(definitionOf(el).hidden).to.equal(true);
  });

  it('keeps the definition open after Enter, and Escape closes it with focus kept', async () => {
    const el = await mountShell(twoModuleCourse());
    termOf(el).focus();
    await sendKeys({ press: 'Enter' });
    expect(expanded(el)).to.equal('true');
    await sendKeys({ press: 'Tab' });
    expect(expanded(el), 'pinned open after leaving').to.equal('true');
    termOf(el).focus();
    await sendKeys({ press: 'Escape' });
    expect(expanded(el)).to.equal('false');
    expect(definitionOf(el).hidden).to.equal(true);
    expectSameElement(document.activeElement, termOf(el), 'focus');
    await sendKeys({ press: 'Space' });
    expect(expanded(el), 'Space opens it again').to.equal('true');
  });

  it('opens on a tap and closes on a second tap, without hover', async () => {
    const el = await mountShell(twoModuleCourse());
    await tap(termOf(el));
    expect(expanded(el)).to.equal('true');
    expect(definitionOf(el).hidden).to.equal(false);
    await tap(el.querySelector<HTMLElement>('#after-term')!);
    expect(expanded(el), 'stays open after tapping elsewhere').to.equal('true');
    await tap(termOf(el));
    expect(expanded(el)).to.equal('false');
  });

  it('describes the term with its definition for screen readers', async () => {
    const el = await mountShell(twoModuleCourse());
    expect(termOf(el).getAttribute('aria-describedby')).to.equal('term-1-1');
    expect(termOf(el).getAttribute('aria-controls')).to.equal('term-1-1');
    expect(termOf(el).type).to.equal('button');
  });

  it('has no axe violations with the term expanded', async () => {
    const el = await mountShell(twoModuleCourse());
    termOf(el).click();
    expect(expanded(el)).to.equal('true');
    await expect(el).to.be.accessible();
  });
});
