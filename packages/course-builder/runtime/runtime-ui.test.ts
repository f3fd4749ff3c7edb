import { expect, fixture, html } from '@open-wc/testing';
import { stringsFor } from '@teach-in/quiz-elements';
import { type PasteResult, ProgressCodePanel } from './progress-code-panel.ts';
import { SaveStatusLine } from './save-status.ts';
import { UnreadableProgressNotice } from './unreadable-progress.ts';

const t = stringsFor('en');

async function host(): Promise<HTMLElement> {
  return fixture(html`<main><div class="course">Course</div></main>`);
}

describe('SaveStatusLine', () => {
  it('is a polite status region that exists, empty, before anything goes wrong', async () => {
    const main = await host();
    const line = new SaveStatusLine(main.querySelector('.course') as Element, t);
    expect(line.element.getAttribute('role')).to.equal('status');
    expect(line.element.getAttribute('aria-live')).to.equal('polite');
    expect(line.element.textContent).to.equal('');
    line.show('retrying');
    expect(line.element.textContent).to.equal(t.saveRetrying);
    line.show('saved');
    expect(line.element.textContent).to.equal(t.saveRecovered);
    await expect(main).to.be.accessible();
  });
});

describe('ProgressCodePanel', () => {
  it('shows the code in a labelled field and answers a pasted code in a status line', async () => {
    const main = await host();
    const pasted: string[] = [];
    const results: PasteResult[] = ['checksum', 'ok'];
    const panel = new ProgressCodePanel(main.querySelector('.course') as Element, t, (code) => {
      pasted.push(code);
      return results.shift() ?? 'malformed';
    });
    panel.code = 'course*1.0.0*t1~AAAA*BBBB';
    const details = main.querySelector('details') as HTMLDetailsElement;
    details.open = true;
    const code = main.querySelector<HTMLTextAreaElement>('#ti-progress-code');
    expect(code?.labels?.[0]?.textContent).to.equal(t.progressCodeLabel);
    expect(code?.readOnly).to.equal(true);
    expect(code?.value).to.equal('course*1.0.0*t1~AAAA*BBBB');

    const paste = main.querySelector<HTMLTextAreaElement>('#ti-progress-code-paste');
    expect(paste?.labels?.[0]?.textContent).to.equal(t.progressCodePasteLabel);
    (paste as HTMLTextAreaElement).value = 'mistyped';
    const use = [...main.querySelectorAll('button')].find(
      (b) => b.textContent === t.progressCodeUse,
    );
    use?.click();
    const message = main.querySelector('[role="status"]');
    expect(message?.textContent).to.equal(t.progressCodeChecksum);
    use?.click();
    expect(message?.textContent).to.equal(t.progressCodeUsed);
    expect(pasted).to.deep.equal(['mistyped', 'mistyped']);
    await expect(main).to.be.accessible();
  });
});

describe('UnreadableProgressNotice', () => {
  it('tells the learner, in an alert before the course, and starts again only when asked', async () => {
    const main = await host();
    const course = main.querySelector('.course') as Element;
    let startedAgain = 0;
    const notice = new UnreadableProgressNotice(course, t, () => startedAgain++);
    expect(notice.element.nextElementSibling).to.equal(course, 'it comes before the course');
    const heading = notice.element.querySelector('h2');
    expect(heading?.textContent).to.equal(t.progressUnreadableTitle);
    expect(notice.element.getAttribute('aria-labelledby')).to.equal(heading?.id);
    const alert = notice.element.querySelector('[role="alert"]');
    expect(alert?.textContent).to.equal(t.progressUnreadable);
    await expect(main).to.be.accessible();

    const button = [...notice.element.querySelectorAll('button')].find(
      (b) => b.textContent === t.progressStartAgain,
    );
    expect(button?.type).to.equal('button');
    expect(startedAgain).to.equal(0, 'nothing happens until the learner chooses');
    button?.click();
    expect(startedAgain).to.equal(1);
    expect(alert?.textContent).to.equal(t.progressStartedAgain);
    expect(notice.element.querySelector('button')).to.equal(null, 'once is enough');
    expect(document.activeElement).to.equal(alert, 'focus is not lost with the button');
    await expect(main).to.be.accessible();
  });
});
