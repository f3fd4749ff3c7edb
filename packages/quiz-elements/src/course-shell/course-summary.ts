/**
 * The summary page shown on Finish: the course result, each module's result, the pages to
 * revisit (those holding questions not answered rightly, and pages not seen), the
 * author's "what to do next", then the certificate. Everything is worked out on the device
 * from the shell's own state; nothing here is sent anywhere.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FinishDetail } from '../events.ts';
import type { Strings } from '../strings/index.ts';
import type { Outline, OutlinePage } from './course-outline.ts';
import type { ShellQuestion } from './shell-question.ts';

export interface ModuleSummary {
  id: string;
  title: string;
  scorePercent: number | null;
  passed: boolean | null;
  pagesSeen: number;
  pages: number;
  /** Pages to go back to: a question not answered rightly, or not seen yet. */
  revisit: OutlinePage[];
}

/** Each module's result from its drawn, counted questions, as moduleObjectives reports it. */
export function summarize(
  outline: Outline,
  questions: readonly ShellQuestion[],
  seen: readonly number[],
  passingScore: number,
): ModuleSummary[] {
  return outline.modules.map((module) => {
    const indexes = new Set(module.pages.map((p) => p.index));
    const pageOf = (q: ShellQuestion) =>
      module.pages.find((p) => p.headingId === q.closest('.ti-page')?.querySelector('h2')?.id);
    const counted = questions.filter((q) => q.counts && pageOf(q));
    const right = counted.filter((q) => q.isCorrect === true).length;
    const scorePercent = counted.length ? Math.round((100 * right) / counted.length) : null;
    const toRevisit = new Set<OutlinePage>();
    for (const q of counted) if (q.isCorrect !== true) toRevisit.add(pageOf(q)!);
    for (const page of module.pages) if (!seen.includes(page.index)) toRevisit.add(page);
    return {
      id: module.id,
      title: module.title,
      scorePercent,
      passed: scorePercent === null ? null : scorePercent >= passingScore,
      pagesSeen: [...indexes].filter((i) => seen.includes(i)).length,
      pages: indexes.size,
      revisit: module.pages.filter((p) => toRevisit.has(p)),
    };
  });
}

function moduleResult(module: ModuleSummary, t: Strings): string {
  const pages = t.pagesSeen(module.pagesSeen, module.pages);
  if (module.scorePercent === null) return `${t.noScoredQuestions}; ${pages}`;
  return `${module.scorePercent}%, ${module.passed ? t.passedShort : t.notYetPassed}; ${pages}`;
}

export interface SummaryState {
  result: FinishDetail;
  modules: ModuleSummary[];
  passingScore: number;
  unanswered: number;
  /** The author's "what to do next", already sanitized by the builder. */
  nextSteps?: Node | undefined;
  certificate: TemplateResult | typeof nothing;
  t: Strings;
}

export function summaryView(state: SummaryState): TemplateResult {
  const { result, modules, t } = state;
  const revisit = modules.filter((m) => m.revisit.length > 0);
  return html`<h2 tabindex="-1">${t.resultsHeading}</h2>
    ${
      result.scorePercent === null
        ? html`<p>${t.completed}</p>`
        : html`<p>${t.score(result.scorePercent)} ${result.passed ? t.passed : t.failed}</p>
            <p>${t.passMark(state.passingScore)}</p>`
    }
    ${state.unanswered ? html`<p>${t.unanswered(state.unanswered)}</p>` : nothing}
    <h3>${t.moduleResults}</h3>
    <ul class="ti-module-results">
      ${modules.map((m) => html`<li><strong>${m.title}</strong>: ${moduleResult(m, t)}</li>`)}
    </ul>
    <h3>${t.revisitHeading}</h3>
    ${
      revisit.length === 0
        ? html`<p>${t.revisitNothing}</p>`
        : html`<ul class="ti-revisit">
            ${revisit.map(
              (m) =>
                html`<li>${m.title}:
                  ${m.revisit.map(
                    (p, i) => html`${i > 0 ? ', ' : ''}<a href="#${p.headingId}">${p.title}</a>`,
                  )}</li>`,
            )}
          </ul>`
    }
    ${
      state.nextSteps
        ? html`<h3>${t.nextHeading}</h3><div class="ti-next-steps">${state.nextSteps}</div>`
        : nothing
    }
    ${state.certificate}`;
}
