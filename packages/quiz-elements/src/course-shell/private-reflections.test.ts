import { expect, html } from '@open-wc/testing';
import type { QuestionProgress, ReflectionQuestion } from '@teach-in/course-schema';
import './course-shell.ts';
import { mountShell } from '../../test-support/shell-test-support.ts';
import type { ShellQuestion } from './shell-question.ts';

/**
 * A stand-in reflection that keeps the QuestionElement contract (INTERFACES.md), so the
 * shell's privacy rules are tested on their own. The real ti-reflection is tested in its
 * own folder; this page never loads it.
 */
class ContractReflection extends HTMLElement implements ShellQuestion {
  question?: ReflectionQuestion;
  seed = 0;
  #text = '';
  #done = false;
  get questionId() {
    return this.question?.id ?? '';
  }
  get counts() {
    return false;
  }
  get answered() {
    return this.#done;
  }
  get isCorrect() {
    return null;
  }
  get progress(): QuestionProgress {
    return {
      response: this.#text ? [this.#text] : [],
      attempts: this.#done ? 1 : 0,
      done: this.#done,
    };
  }
  restore(progress: QuestionProgress) {
    this.#text = progress.response[0] ?? '';
    this.#done = progress.done;
  }
  reset() {
    this.#text = '';
    this.#done = false;
  }
  submit(text: string) {
    this.#text = text;
    this.#done = true;
    this.dispatchEvent(new Event('ti-answer', { bubbles: true, composed: true }));
  }
}
customElements.define('ti-reflection', ContractReflection);

const reflection = (id: string, share: boolean): ReflectionQuestion => ({
  type: 'reflection',
  id,
  moduleId: 'm',
  promptHtml: `${id}?`,
  promptText: `${id}?`,
  share,
});
const kept = reflection('kept-on-device', false);
const shared = reflection('shared-with-lms', true);

const course = () =>
  mountShell(html`<ti-course data-course-key="privacy">
    <section class="ti-page" data-page-id="m/one" data-module-id="m">
      <h2>One</h2>
      <ti-reflection .question=${kept}></ti-reflection>
      <ti-reflection .question=${shared}></ti-reflection>
    </section>
  </ti-course>`);
const byId = (el: HTMLElement, id: string) =>
  [...el.querySelectorAll<ContractReflection>('ti-reflection')].find((r) => r.questionId === id)!;
const storageKey = 'teach-in:privacy:reflections';

describe('reflections and the saved state', () => {
  beforeEach(() => localStorage.removeItem(storageKey));
  after(() => localStorage.removeItem(storageKey));

  it('keeps a private reflection out of the state sent to the LMS, on the device instead', async () => {
    const el = await course();
    byId(el, kept.id).submit('My manager checks the app at night.');
    byId(el, shared.id).submit('We need a data agreement.');
    const state = el.snapshot();
    expect(Object.keys(state.answers)).to.deep.equal([shared.id]);
    expect(JSON.stringify(state)).not.to.include('My manager');
    expect(JSON.parse(localStorage.getItem(storageKey)!)).to.deep.equal({
      [kept.id]: { response: ['My manager checks the app at night.'], attempts: 1, done: true },
    });
  });

  it('puts both back on return: the private one from the device, the shared one from the state', async () => {
    const first = await course();
    byId(first, kept.id).submit('Private words.');
    byId(first, shared.id).submit('Shared words.');
    const state = JSON.parse(JSON.stringify(first.snapshot()));
    const again = await course();
    again.restore(state);
    expect(byId(again, kept.id).progress.response).to.deep.equal(['Private words.']);
    expect(byId(again, shared.id).progress.response).to.deep.equal(['Shared words.']);
  });

  it('ignores a private reflection smuggled into the saved state', async () => {
    const el = await course();
    el.restore({ answers: { [kept.id]: { response: ['from the LMS'], attempts: 1, done: true } } });
    expect(byId(el, kept.id).answered).to.equal(false);
  });
});
