import type { Scorm12Api } from './scorm-api.ts';
import { scorm12Time, scorm12Timespan } from './time-format.ts';
import type { AnswerRecord, Outcome, ResumeData, Tracker } from './tracker.ts';

/** SCORM 1.2: writes only values the strictest runtimes (Moodle's) accept. */
export class Scorm12Tracker implements Tracker {
  readonly kind = 'scorm12';
  #open = false;
  readonly #startedAt = Date.now();

  constructor(
    private readonly api: Scorm12Api,
    private readonly log: (message: string) => void = () => {},
  ) {}

  start(): ResumeData {
    this.#open = this.api.LMSInitialize('') === 'true';
    if (!this.#open) {
      this.log(`LMSInitialize failed: ${this.api.LMSGetLastError()}`);
      return {};
    }
    const status = this.api.LMSGetValue('cmi.core.lesson_status');
    if (status === 'not attempted' || status === '') {
      this.#set('cmi.core.lesson_status', 'incomplete');
    }
    const state = this.api.LMSGetValue('cmi.suspend_data');
    const location = this.api.LMSGetValue('cmi.core.lesson_location');
    return { ...(state ? { state } : {}), ...(location ? { location } : {}) };
  }

  setLocation(pageId: string): void {
    this.#set('cmi.core.lesson_location', pageId.slice(0, 255));
  }

  saveState(state: string): void {
    this.#set('cmi.suspend_data', state);
    this.#commit();
  }

  recordAnswer(answer: AnswerRecord): void {
    if (!this.#open) return;
    const n = Number(this.api.LMSGetValue('cmi.interactions._count')) || 0;
    const at = `cmi.interactions.${n}`;
    this.#set(`${at}.id`, answer.id);
    this.#set(`${at}.type`, answer.type);
    this.#set(`${at}.student_response`, answer.response.join(','));
    this.#set(`${at}.correct_responses.0.pattern`, answer.correctResponse.join(','));
    this.#set(`${at}.result`, answer.correct ? 'correct' : 'wrong');
    this.#set(`${at}.time`, scorm12Time(answer.timestamp));
    this.#set(`${at}.latency`, scorm12Timespan(answer.latencyMs));
    this.#commit();
  }

  finish(outcome: Outcome): void {
    if (!this.#open) return;
    if (outcome.scorePercent !== null) {
      this.#set('cmi.core.score.min', '0');
      this.#set('cmi.core.score.max', '100');
      this.#set('cmi.core.score.raw', String(Math.round(outcome.scorePercent)));
    }
    const status =
      outcome.passed === null
        ? outcome.completed
          ? 'completed'
          : 'incomplete'
        : outcome.passed
          ? 'passed'
          : 'failed';
    this.#set('cmi.core.lesson_status', status);
    this.#set('cmi.core.exit', '');
    this.#close();
  }

  leave(): void {
    if (!this.#open) return;
    this.#set('cmi.core.exit', 'suspend');
    this.#close();
  }

  flush(): void {
    if (!this.#open) return;
    this.#set('cmi.core.session_time', scorm12Timespan(Date.now() - this.#startedAt));
    this.#commit();
  }

  #close(): void {
    this.#set('cmi.core.session_time', scorm12Timespan(Date.now() - this.#startedAt));
    // No LMSCommit here: a synchronous commit during pagehide fails in Chromium, and
    // LMSFinish commits by itself.
    if (this.api.LMSFinish('') !== 'true') {
      this.log(`LMSFinish failed: ${this.api.LMSGetLastError()}`);
    }
    this.#open = false;
  }

  #commit(): void {
    if (this.#open && this.api.LMSCommit('') !== 'true') {
      this.log(`LMSCommit failed: ${this.api.LMSGetLastError()}`);
    }
  }

  #set(element: string, value: string): void {
    if (!this.#open) return;
    if (this.api.LMSSetValue(element, value) !== 'true') {
      this.log(`LMSSetValue(${element}) failed: ${this.api.LMSGetLastError()}`);
    }
  }
}
