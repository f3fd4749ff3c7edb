import type { QuestionProgress, SavedState } from '@teach-in/course-schema';
import { isQuestionProgress } from '@teach-in/course-schema/learner-data';
import { html, LitElement, nothing, render } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { CourseFinishEvent, type FinishDetail, PageViewEvent } from '../events.ts';
import { renderWaitingIn } from '../question-base/first-render.ts';
import { languageOf, type Strings, stringsFor } from '../strings/index.ts';
import { certificateView, readCertificate } from './certificate-view.ts';
import { contentsView } from './contents-view.ts';
import { type Outline, readOutline } from './course-outline.ts';
import { summarize, summaryView } from './course-summary.ts';
import { drawPools, freshSeed, questionSeed } from './draws.ts';
import { onTermClick, onTermFocusIn, onTermFocusOut, onTermKeyDown } from './glossary-terms.ts';
import { keepOnDevice, readFromDevice, reflectionsKey } from './on-device-reflections.ts';
import {
  dataOf,
  isPrivateReflection,
  isSeed,
  isUpgraded,
  questionSelector,
  type ShellQuestion,
} from './shell-question.ts';

/**
 * The course shell. The pages are server-rendered `<section class="ti-page">` children, so
 * content shows before any script runs; the shell shows one page at a time and adds the
 * contents, navigation, progress, glossary terms, question pools and the result. Pages
 * outside the sequence (`<section class="ti-extra">`: glossary, references, what the
 * course records) open from the contents. It renders in the light DOM so the course's one
 * stylesheet styles authored content and shell alike.
 *
 * No slots and no CSS parts (there is no shadow root): course.css and the theme's custom
 * properties style it.
 *
 * @fires {PageViewEvent} ti-page-view - Each page shown: its id, index and the page count.
 * @fires {CourseFinishEvent} ti-finish - The learner finished: score percent, passed, completed.
 * @fires {QuestionAnsweredEvent} ti-answer - Bubbles up from the questions inside.
 * @cssprop --ti-background - Page background.
 * @cssprop --ti-text - Text colour.
 * @cssprop --ti-muted - Secondary text: progress, captions.
 * @cssprop --ti-accent - Links, buttons and the progress bar.
 * @cssprop --ti-on-accent - Text on the accent colour.
 * @cssprop --ti-header-bg - The course header's background.
 * @cssprop --ti-header-text - The course header's text.
 * @cssprop --ti-border - Lines and frames.
 * @cssprop --ti-field-bg - Background of fields.
 * @cssprop --ti-feedback-bg - Background of notices and callouts.
 * @cssprop --ti-success - Passed results.
 * @cssprop --ti-focus - The focus outline.
 * @cssprop --ti-font - The font family.
 * @cssprop --ti-font-size - The base font size.
 */
@customElement('ti-course')
export class CourseShellElement extends LitElement {
  /** The score in percent a learner needs to pass; 0 when the course has no pass mark. */
  @property({ type: Number, attribute: 'passing-score' }) passingScore = 0;

  @state() protected index = 0;
  @state() protected seen: number[] = [];
  @state() protected result: FinishDetail | null = null;
  /** The `data-extra` name of the page outside the sequence on show, if any. */
  @state() protected extra: string | null = null;
  @state() protected contentsOpen = false;
  /** The learner's name from the LMS, for the certificate; set by the runtime. */
  @property({ attribute: false }) learnerName: string | undefined;
  /** The name typed for the certificate when no LMS gave one; kept nowhere. */
  @state() protected typedName = '';

  #seed: number | undefined;
  #pools: Record<string, string[]> = {};
  #top: HTMLElement | undefined;
  #outline: Outline | undefined;

  constructor() {
    super();
    this.addEventListener('click', (event) => this.#onClick(event));
    this.addEventListener('keydown', (event) => this.#onKeyDown(event));
    this.addEventListener('focusin', onTermFocusIn);
    this.addEventListener('focusout', onTermFocusOut);
    this.addEventListener('ti-answer', () => this.#keepPrivateReflections());
  }

  protected override createRenderRoot(): HTMLElement {
    this.#top = document.createElement('div');
    this.#top.className = 'ti-shell-top';
    this.prepend(this.#top);
    const controls = document.createElement('div');
    controls.className = 'ti-shell';
    this.append(controls);
    return controls;
  }

  get pages(): HTMLElement[] {
    return [...this.querySelectorAll<HTMLElement>('.ti-page')];
  }

  get extras(): HTMLElement[] {
    return [...this.querySelectorAll<HTMLElement>('.ti-extra')];
  }

  /** Every question element that has its behaviour (its tag is defined). */
  get questions(): ShellQuestion[] {
    return this.#allQuestions().filter(isUpgraded);
  }

  /** The questions of this attempt: not those a pool left out. */
  get drawnQuestions(): ShellQuestion[] {
    return this.questions.filter((q) => !q.hidden);
  }

  get currentIndex(): number {
    return this.index;
  }

  /** The `data-extra` name of the page outside the sequence on show, or null. */
  get currentExtra(): string | null {
    return this.extra;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A new attempt until restore() says otherwise; both run before the questions render.
    this.#seed ??= freshSeed();
    this.#applyDraws();
    this.#show(this.index, false);
  }

  /** Starts the session: reports the first page view. Call after `restore`. */
  begin(): void {
    this.#show(this.index, false);
  }

  snapshot(): SavedState {
    const answers: Record<string, QuestionProgress> = {};
    for (const question of this.drawnQuestions) {
      if (question.answered && !isPrivateReflection(question)) {
        answers[question.questionId] = question.progress;
      }
    }
    return {
      page: this.index,
      seen: [...this.seen],
      answers,
      pools: structuredClone(this.#pools),
      seed: this.#seed ?? 0,
      finished: this.result !== null,
    };
  }

  restore(saved: Partial<SavedState>): void {
    const total = this.pages.length;
    this.seen = (saved.seen ?? []).filter((i) => Number.isInteger(i) && i >= 0 && i < total);
    if (typeof saved.page === 'number' && saved.page >= 0 && saved.page < total) {
      this.index = saved.page;
    }
    if (isSeed(saved.seed)) {
      this.#seed = saved.seed;
      this.#pools = saved.pools && typeof saved.pools === 'object' ? saved.pools : {};
      this.#applyDraws();
    }
    const onDevice = readFromDevice(this.#reflectionsKey);
    for (const question of this.drawnQuestions) {
      const id = question.questionId;
      const stored = isPrivateReflection(question) ? onDevice[id] : saved.answers?.[id];
      if (isQuestionProgress(stored)) question.restore(stored);
    }
    // A finished course stays finished: show its result again, without reporting it again.
    this.result = saved.finished === true ? this.#outcome() : null;
    this.#show(this.index, false, false);
  }

  /** Page index for a page id (the LMS location), or -1. */
  indexOf(pageId: string): number {
    return this.pages.findIndex((page) => page.dataset.pageId === pageId);
  }

  goTo(index: number): void {
    if (index < 0 || index >= this.pages.length) return;
    this.extra = null;
    this.contentsOpen = false;
    this.#show(index, true);
  }

  /** Shows a page outside the sequence (`glossary`, `references`, `data-notice`). */
  openExtra(name: string): void {
    const section = this.extras.find((s) => s.dataset.extra === name);
    if (!section) return;
    this.extra = name;
    this.contentsOpen = false;
    for (const page of [...this.pages, ...this.extras]) page.hidden = page !== section;
    renderWaitingIn(section);
    this.#focusHeading(section);
  }

  // ---- pools and seeds ----------------------------------------------------------------

  #allQuestions(): ShellQuestion[] {
    return [...this.querySelectorAll<ShellQuestion>(questionSelector)];
  }

  #poolDraws(): Record<string, number> {
    try {
      const value: unknown = JSON.parse(this.dataset.pools ?? '{}');
      return value && typeof value === 'object' ? (value as Record<string, number>) : {};
    } catch {
      return {};
    }
  }

  /** Draws every pool (keeping saved draws), hides the rest and seeds every question. */
  #applyDraws(): void {
    const seed = this.#seed ?? 0;
    const byPool = new Map<string, string[]>();
    for (const element of this.#allQuestions()) {
      const data = dataOf(element);
      const pool = data && 'pool' in data ? data.pool : undefined;
      if (data && pool) byPool.set(pool, [...(byPool.get(pool) ?? []), data.id]);
    }
    this.#pools = drawPools(byPool, this.#poolDraws(), seed, this.#pools);
    const drawn = new Set(Object.values(this.#pools).flat());
    for (const element of this.#allQuestions()) {
      const data = dataOf(element);
      if (!data) continue;
      element.hidden = 'pool' in data && data.pool !== undefined && !drawn.has(data.id);
      element.seed = questionSeed(seed, data.id);
    }
  }

  // ---- reflections that stay on the device --------------------------------------------

  get #reflectionsKey(): string {
    return reflectionsKey(this.dataset.courseKey ?? 'course');
  }

  #keepPrivateReflections(): void {
    keepOnDevice(
      this.#reflectionsKey,
      this.drawnQuestions.filter((q) => isPrivateReflection(q) && q.answered),
    );
  }

  // ---- pages --------------------------------------------------------------------------

  #show(index: number, moveFocus: boolean, report = true): void {
    const pages = this.pages;
    if (pages.length === 0) return;
    this.index = index;
    pages.forEach((page, i) => {
      page.hidden = i !== index;
    });
    for (const extra of this.extras) extra.hidden = true;
    if (!this.seen.includes(index)) this.seen = [...this.seen, index].sort((a, b) => a - b);
    const page = pages[index];
    // The page on show and the next one are ready before the frame (first-render.ts).
    renderWaitingIn(page);
    renderWaitingIn(pages[index + 1]);
    if (!this.isConnected || !page) return;
    if (moveFocus) this.#focusHeading(page);
    if (!report) return;
    this.dispatchEvent(
      new PageViewEvent({
        pageId: page.dataset.pageId ?? String(index),
        index,
        total: pages.length,
      }),
    );
  }

  #focusHeading(section: HTMLElement): void {
    const heading = section.querySelector<HTMLElement>('h1, h2');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
    // Instant, never smooth: the stylesheet sets no scroll-behavior.
    section.scrollIntoView?.({ block: 'start' });
  }

  #backToCourse(): void {
    this.extra = null;
    this.#show(this.index, true);
  }

  #onClick(event: MouseEvent): void {
    onTermClick(event);
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    const hash = link?.getAttribute('href');
    if (!link || !hash?.startsWith('#') || hash.length < 2 || !this.contains(link)) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    const section = target?.closest<HTMLElement>('.ti-page, .ti-extra');
    if (!target || !section || !this.contains(section)) return;
    const fromContents = link.closest('.ti-contents') !== null;
    if (!section.hidden && !fromContents) return; // a link within the page on show
    event.preventDefault();
    if (section.classList.contains('ti-extra')) this.openExtra(section.dataset.extra ?? '');
    else this.goTo(this.pages.indexOf(section));
  }

  #onKeyDown(event: KeyboardEvent): void {
    if (onTermKeyDown(event)) {
      event.stopPropagation();
      return;
    }
    if (event.key !== 'Escape' || !this.contentsOpen) return;
    const target = event.target instanceof Element ? event.target : null;
    if (!target?.closest('.ti-shell-top')) return;
    this.contentsOpen = false;
    void this.updateComplete.then(() =>
      this.querySelector<HTMLButtonElement>('.ti-contents-toggle')?.focus(),
    );
  }

  // ---- the result ---------------------------------------------------------------------

  #outcome(): FinishDetail {
    const counted = this.drawnQuestions.filter((q) => q.counts);
    const right = counted.filter((q) => q.isCorrect === true).length;
    const scorePercent = counted.length ? Math.round((100 * right) / counted.length) : null;
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

  // ---- rendering ----------------------------------------------------------------------

  get #strings(): Strings {
    return stringsFor(languageOf(this));
  }

  #nextSteps: HTMLElement | undefined;

  /** The summary page: results, what to revisit, what to do next and the certificate. */
  #renderResult() {
    const result = this.result;
    if (!result) return nothing;
    const t = this.#strings;
    this.#outline ??= readOutline(this.pages, this.extras);
    const template = this.querySelector<HTMLTemplateElement>('template.ti-next-steps');
    if (template && !this.#nextSteps) {
      // A wrapper node, not the fragment: a fragment empties when first rendered.
      this.#nextSteps = document.createElement('div');
      this.#nextSteps.append(template.content.cloneNode(true));
    }
    const data = readCertificate(this.dataset.certificate);
    const earned = result.completed && result.passed !== false;
    return summaryView({
      result,
      modules: summarize(this.#outline, this.drawnQuestions, this.seen, this.passingScore),
      passingScore: this.passingScore,
      unanswered: this.drawnQuestions.filter((q) => q.counts && !q.answered).length,
      nextSteps: this.#nextSteps,
      certificate: data
        ? certificateView({
            data,
            earned,
            lmsName: this.learnerName,
            typedName: this.typedName,
            onName: (name) => {
              this.typedName = name;
            },
            date: new Date(),
            language: languageOf(this),
            t,
          })
        : nothing,
      t,
    });
  }

  /** Set once the contents have been opened: their list is rendered from then on. */
  #listed = false;

  #renderTop() {
    this.#listed ||= this.contentsOpen;
    return contentsView({
      outline: () => {
        this.#outline ??= readOutline(this.pages, this.extras);
        return this.#outline;
      },
      open: this.contentsOpen,
      listed: this.#listed,
      index: this.index,
      extra: this.extra,
      seen: this.seen,
      print: this.dataset.print,
      t: this.#strings,
      onToggle: () => {
        this.contentsOpen = !this.contentsOpen;
      },
    });
  }

  protected override update(changed: Map<PropertyKey, unknown>): void {
    super.update(changed);
    if (this.#top) render(this.#renderTop(), this.#top);
  }

  override render() {
    const t = this.#strings;
    const total = this.pages.length;
    const last = this.index === total - 1;
    const buttons = this.extra
      ? html`<button type="button" class="ti-back" @click=${this.#backToCourse}>${t.backToCourse}</button>`
      : html`${
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
        }`;
    return html`<nav aria-label=${t.courseNavigation}>
        <p class="ti-progress-text">${t.pageOf(this.index + 1, total)}</p>
        <progress max=${total} .value=${this.seen.length} aria-label=${t.progress}></progress>
        <div class="ti-nav-buttons">${buttons}</div>
      </nav>
      <div class="ti-results" role="status" aria-live="polite">${this.#renderResult()}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ti-course': CourseShellElement;
  }
}
