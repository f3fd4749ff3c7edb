import type { AnswerRecord, Outcome, ScormVersion } from '@teach-in/course-schema';
import { interactionsFor } from './interactions.ts';
import type { Dialect, Rte } from './scorm-dialect.ts';
import { displayName, type ObjectiveRecord, type ResumeData, type Tracker } from './tracker.ts';

/**
 * SCORM 1.2 and 2004 through one implementation and a dialect table. Writes only values
 * the strictest runtimes accept (docs/conformance-notes.md). Every call is guarded: an LMS
 * that refuses, throws or has gone away makes the method return false (the caller keeps
 * a local copy and retries) instead of breaking the course.
 */
export class ScormTracker implements Tracker {
  readonly kind: ScormVersion;
  #open = false;
  #ok = true;
  #finished = false;
  /** Questions whose interactions the LMS took, so a retry after a refused commit does not report them twice. */
  readonly #reported = new Set<string>();
  readonly #startedAt = Date.now();

  constructor(
    private readonly rte: Rte,
    private readonly dialect: Dialect,
    private readonly log: (message: string) => void = () => {},
  ) {
    this.kind = dialect.version;
  }

  async start(): Promise<ResumeData> {
    this.#open = this.#call('Initialize', () => this.rte.initialize()) === 'true';
    if (!this.#open) return {};
    const { statusElement, freshStatuses, location } = this.dialect;
    if (freshStatuses.includes(this.#get(statusElement))) this.#set(statusElement, 'incomplete');
    const state = this.#get('cmi.suspend_data');
    const where = this.#get(location);
    const name = displayName(this.#get(this.dialect.learnerName));
    return {
      ...(state ? { state } : {}),
      ...(where ? { location: where } : {}),
      ...(name ? { learnerName: name } : {}),
    };
  }

  setLocation(pageId: string): void {
    this.#set(this.dialect.location, pageId.slice(0, this.dialect.locationMax));
  }

  saveState(state: string): boolean {
    return this.#batch(() => {
      this.#set('cmi.suspend_data', state);
      this.#commit();
    });
  }

  recordAnswer(answer: AnswerRecord): boolean {
    // One interaction per question: reported when the answer is final (saved state keeps
    // the attempts in between).
    if (!answer.final) return true;
    const interactions = interactionsFor(answer, this.dialect.version);
    if (interactions.length === 0) return true;
    const { learnerResponse, timestamp, hasDescription } = this.dialect;
    return this.#batch(() => {
      if (this.#reported.has(answer.questionId)) {
        this.#commit();
        return;
      }
      for (const interaction of interactions) {
        const n = Number(this.#get('cmi.interactions._count')) || 0;
        const at = `cmi.interactions.${n}`;
        // Order matters in 2004: id, then type, before any response (otherwise 408).
        this.#set(`${at}.id`, interaction.id);
        this.#set(`${at}.type`, interaction.type);
        if (hasDescription) this.#set(`${at}.description`, interaction.description.slice(0, 250));
        this.#set(`${at}.${timestamp}`, this.dialect.time(answer.timestamp));
        interaction.patterns.forEach((pattern, i) => {
          this.#set(`${at}.correct_responses.${i}.pattern`, pattern);
        });
        this.#set(`${at}.${learnerResponse}`, interaction.response);
        this.#set(`${at}.result`, interaction.result);
        this.#set(`${at}.latency`, this.dialect.timespan(answer.latencyMs));
      }
      if (this.#ok) this.#reported.add(answer.questionId);
      this.#commit();
    });
  }

  recordObjective(objective: ObjectiveRecord): void {
    const at = `cmi.objectives.${this.#objectiveIndex(objective.moduleId)}`;
    const { scorePercent, passed, completed } = objective;
    if (scorePercent !== null) this.#writeScore(`${at}.score`, scorePercent);
    if (this.dialect.version === 'scorm12') {
      const status =
        passed === null ? (completed ? 'completed' : 'incomplete') : passed ? 'passed' : 'failed';
      this.#set(`${at}.status`, status);
    } else {
      if (passed !== null) this.#set(`${at}.success_status`, passed ? 'passed' : 'failed');
      this.#set(`${at}.completion_status`, completed ? 'completed' : 'incomplete');
    }
  }

  finish(outcome: Outcome): boolean {
    return this.#batch(() => {
      // The score goes first and only now: an LMS applying the mastery score to a partial
      // score would mark the learner failed half-way (conformance.md).
      if (outcome.scorePercent !== null)
        this.#writeScore(this.dialect.scoreBase, outcome.scorePercent);
      if (this.dialect.version === 'scorm12') {
        this.#set('cmi.core.lesson_status', scorm12Status(outcome));
      } else {
        this.#set('cmi.completion_status', outcome.completed ? 'completed' : 'incomplete');
        if (outcome.passed !== null) {
          this.#set('cmi.success_status', outcome.passed ? 'passed' : 'failed');
        }
      }
      this.#finished = outcome.completed || outcome.passed !== null;
      this.#set(this.dialect.exit, this.#finished ? this.dialect.exitFinished : 'suspend');
      this.#set(this.dialect.sessionTime, this.#sessionTime());
      this.#commit();
    });
  }

  leave(): void {
    if (!this.#open) return;
    this.#set(this.dialect.exit, this.#finished ? this.dialect.exitFinished : 'suspend');
    this.#set(this.dialect.sessionTime, this.#sessionTime());
    // No commit here: a synchronous commit during pagehide fails in Chromium, and
    // LMSFinish/Terminate commit by themselves (conformance.md, observed).
    if (this.#call('Terminate', () => this.rte.terminate()) !== 'true') {
      this.log('The LMS did not close the session.');
    }
    this.#open = false;
  }

  flush(): boolean {
    return this.#batch(() => {
      this.#set(this.dialect.sessionTime, this.#sessionTime());
      this.#commit();
    });
  }

  #sessionTime(): string {
    return this.dialect.timespan(Date.now() - this.#startedAt);
  }

  #writeScore(base: string, percent: number): void {
    const raw = Math.max(0, Math.min(100, Math.round(percent)));
    this.#set(`${base}.min`, '0');
    this.#set(`${base}.max`, '100');
    this.#set(`${base}.raw`, String(raw));
    if (this.dialect.hasScaledScore) this.#set(`${base}.scaled`, String(raw / 100));
  }

  /** The objective's index: the one the LMS seeded from the manifest, or a new one. */
  #objectiveIndex(id: string): number {
    const count = Number(this.#get('cmi.objectives._count')) || 0;
    for (let n = 0; n < count; n++) {
      if (this.#get(`cmi.objectives.${n}.id`) === id) return n;
    }
    this.#set(`cmi.objectives.${count}.id`, id);
    return count;
  }

  /** Runs a group of calls; true when every one of them was accepted. */
  #batch(calls: () => void): boolean {
    if (!this.#open) return false;
    this.#ok = true;
    calls();
    return this.#ok;
  }

  #commit(): void {
    if (this.#call('Commit', () => this.rte.commit()) !== 'true') this.#ok = false;
  }

  #get(element: string): string {
    if (!this.#open) return '';
    return this.#call(`GetValue(${element})`, () => this.rte.get(element)) ?? '';
  }

  #set(element: string, value: string): void {
    if (!this.#open) return;
    if (this.#call(`SetValue(${element})`, () => this.rte.set(element, value)) !== 'true') {
      this.#ok = false;
    }
  }

  #call(name: string, run: () => string): string | undefined {
    try {
      const result = String(run());
      if (result === 'false') this.log(`${name} refused: ${this.#lastError()}`);
      return result;
    } catch (error) {
      this.log(`${name} threw: ${(error as Error)?.message ?? error}`);
      return undefined;
    }
  }

  #lastError(): string {
    try {
      return this.rte.lastError();
    } catch {
      return 'unknown';
    }
  }
}

/** 1.2 has one status: `failed` whenever the assessment is failed (SuccessFactors). */
function scorm12Status({ passed, completed }: Outcome): string {
  if (passed === false) return 'failed';
  if (!completed) return 'incomplete';
  return passed ? 'passed' : 'completed';
}
