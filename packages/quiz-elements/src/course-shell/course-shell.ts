import type { QuestionProgress } from '@teach-in/course-schema';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { CourseFinishEvent, type FinishDetail, PageViewEvent } from '../events.ts';
import type { QuestionElement } from '../question-base/question-element.ts';
import { stringsFor } from '../strings.ts';

/** Everything the shell needs to put a returning learner back where they were. */
export interface CourseState {
  page: number;
  seen: number[];
  answers: Record<string, QuestionProgress>;
  finished: boolean;
}

const questionSelector = 'ti-single-choice, ti-multiple-choice';

/**
 * The course shell. The pages are server-rendered `<section class="ti-page">` children, so
 * content shows before any script runs; the shell shows one page at a time and adds the
 * navigation, progress and the result. It renders in the light DOM so the course's one
 * stylesheet styles authored content and shell alike.
 */
@customElement('ti-course')
export class CourseShellElement extends LitElement {
  @property({ type: Number, attribute: 'passing-score' }) passingScore = 0;

  @state() protected index = 0;
  @state() protected seen: number[] = [];
  @state() protected result: FinishDetail | null = null;

  protected override createRenderRoot(): HTMLElement {
    const controls = document.createElement('div');
    controls.className = 'ti-shell';
    this.append(controls);
    return controls;
  }

  get pages(): HTMLElement[] {
    return [...this.querySelectorAll<HTMLElement>('.ti-page')];
  }

  get questions(): QuestionElement[] {
    return [...this.querySelectorAll<QuestionElement>(questionSelector)];
  }

  get currentIndex(): number {
    return this.index;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#show(this.index, false);
  }

  /** Starts the session: reports the first page view. Call after `restore`. */
  begin(): void {
    this.#show(this.index, false);
  }

  snapshot(): CourseState {
    const answers: Record<string, QuestionProgress> = {};
    for (const question of this.questions) {
      if (question.answered) answers[question.questionId] = question.progress;
    }
    return { page: this.index, seen: [...this.seen], answers, finished: this.result !== null };
  }

  restore(saved: Partial<CourseState>): void {
    const total = this.pages.length;
    this.seen = (saved.seen ?? []).filter((i) => Number.isInteger(i) && i >= 0 && i < total);
    if (typeof saved.page === 'number' && saved.page >= 0 && saved.page < total) {
      this.index = saved.page;
    }
    for (const question of this.questions) {
      const answer = saved.answers?.[question.questionId];
      if (answer) question.restore(answer);
    }
    // A finished course stays finished: show its result again, without reporting it again.
    this.result = saved.finished === true ? this.#outcome() : null;
  }

  /** Page index for a page id (the LMS location), or -1. */
  indexOf(pageId: string): number {
    return this.pages.findIndex((page) => page.dataset.pageId === pageId);
  }

  goTo(index: number): void {
    if (index < 0 || index >= this.pages.length) return;
    this.#show(index, true);
  }

  #show(index: number, moveFocus: boolean): void {
    const pages = this.pages;
    if (pages.length === 0) return;
    this.index = index;
    pages.forEach((page, i) => {
      page.hidden = i !== index;
    });
    if (!this.seen.includes(index)) this.seen = [...this.seen, index].sort((a, b) => a - b);
    const page = pages[index];
    if (!this.isConnected || !page) return;
    if (moveFocus) {
      const heading = page.querySelector<HTMLElement>('h1, h2');
      if (heading) {
        heading.tabIndex = -1;
        heading.focus();
      }
      page.scrollIntoView?.({ block: 'start' });
    }
    this.dispatchEvent(
      new PageViewEvent({
        pageId: page.dataset.pageId ?? String(index),
        index,
        total: pages.length,
      }),
    );
  }

  #outcome(): FinishDetail {
    const graded = this.questions.filter((q) => q.counts);
    const right = graded.filter((q) => q.isCorrect).length;
    const scorePercent = graded.length ? Math.round((100 * right) / graded.length) : null;
    return {
      scorePercent,
      passed: scorePercent === null ? null : scorePercent >= this.passingScore,
      completed: this.seen.length === this.pages.length,
    };
  }

  #finish(): void {
    this.result = this.#outcome();
    this.dispatchEvent(new CourseFinishEvent(this.result));
    void this.updateComplete.then(() => {
      this.querySelector<HTMLElement>('.ti-results h2')?.focus();
    });
  }

  #renderResult() {
    const result = this.result;
    if (!result) return nothing;
    const t = stringsFor(this.lang || document.documentElement.lang || 'en');
    const unanswered = this.questions.filter((q) => q.counts && !q.answered).length;
    return html`<h2 tabindex="-1">${t.resultsHeading}</h2>
      ${
        result.scorePercent === null
          ? html`<p>${t.completed}</p>`
          : html`<p>${t.score(result.scorePercent)} ${result.passed ? t.passed : t.failed}</p>
            <p>${t.passMark(this.passingScore)}</p>`
      }
      ${unanswered ? html`<p>${t.unanswered(unanswered)}</p>` : nothing}`;
  }

  override render() {
    const t = stringsFor(this.lang || document.documentElement.lang || 'en');
    const total = this.pages.length;
    const last = this.index === total - 1;
    return html`<nav aria-label=${t.courseNavigation}>
        <p class="ti-progress-text">${t.pageOf(this.index + 1, total)}</p>
        <progress max=${total} .value=${this.seen.length} aria-label=${t.progress}></progress>
        <div class="ti-nav-buttons">
          ${
            this.index > 0
              ? html`<button type="button" class="ti-previous" @click=${() => this.goTo(this.index - 1)}>
                ${t.previous}
              </button>`
              : nothing
          }
          ${
            last
              ? html`<button type="button" class="ti-next" @click=${this.#finish}>${t.finish}</button>`
              : html`<button type="button" class="ti-next" @click=${() => this.goTo(this.index + 1)}>
                ${t.next}
              </button>`
          }
        </div>
      </nav>
      <div class="ti-results" role="status" aria-live="polite">${this.#renderResult()}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ti-course': CourseShellElement;
  }
}
