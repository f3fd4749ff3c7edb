import type { Scorm2004Api } from './scorm-api.ts';
import { scorm2004Duration, scorm2004Timestamp } from './time-format.ts';
import type { AnswerRecord, Outcome, ResumeData, Tracker } from './tracker.ts';

/** SCORM 2004 4th edition: values in the RTE's exact vocabularies and formats. */
export class Scorm2004Tracker implements Tracker {
  readonly kind = 'scorm2004';
  #open = false;
  readonly #startedAt = Date.now();

  constructor(
    private readonly api: Scorm2004Api,
    private readonly log: (message: string) => void = () => {},
  ) {}

  start(): ResumeData {
    this.#open = this.api.Initialize('') === 'true';
    if (!this.#open) {
      this.log(`Initialize failed: ${this.api.GetLastError()}`);
      return {};
    }
    const status = this.api.GetValue('cmi.completion_status');
    if (status === 'not attempted' || status === 'unknown' || status === '') {
      this.#set('cmi.completion_status', 'incomplete');
    }
    const state = this.api.GetValue('cmi.suspend_data');
    const location = this.api.GetValue('cmi.location');
    return { ...(state ? { state } : {}), ...(location ? { location } : {}) };
  }

  setLocation(pageId: string): void {
    this.#set('cmi.location', pageId.slice(0, 1000));
  }

  saveState(state: string): void {
    this.#set('cmi.suspend_data', state);
    this.#commit();
  }

  recordAnswer(answer: AnswerRecord): void {
    if (!this.#open) return;
    const n = Number(this.api.GetValue('cmi.interactions._count')) || 0;
    const at = `cmi.interactions.${n}`;
    // Order matters: id, then type, before any response (otherwise error 408).
    this.#set(`${at}.id`, answer.id);
    this.#set(`${at}.type`, answer.type);
    this.#set(`${at}.description`, answer.description.slice(0, 250));
    this.#set(`${at}.learner_response`, answer.response.join('[,]'));
    this.#set(`${at}.correct_responses.0.pattern`, answer.correctResponse.join('[,]'));
    this.#set(`${at}.result`, answer.correct ? 'correct' : 'incorrect');
    this.#set(`${at}.timestamp`, scorm2004Timestamp(answer.timestamp));
    this.#set(`${at}.latency`, scorm2004Duration(answer.latencyMs));
    this.#commit();
  }

  finish(outcome: Outcome): void {
    if (!this.#open) return;
    if (outcome.scorePercent !== null) {
      const percent = Math.round(outcome.scorePercent);
      this.#set('cmi.score.min', '0');
      this.#set('cmi.score.max', '100');
      this.#set('cmi.score.raw', String(percent));
      this.#set('cmi.score.scaled', String(percent / 100));
    }
    this.#set('cmi.completion_status', outcome.completed ? 'completed' : 'incomplete');
    if (outcome.passed !== null) {
      this.#set('cmi.success_status', outcome.passed ? 'passed' : 'failed');
    }
    this.#set('cmi.exit', 'normal');
    this.#close();
  }

  leave(): void {
    if (!this.#open) return;
    this.#set('cmi.exit', 'suspend');
    this.#close();
  }

  flush(): void {
    if (!this.#open) return;
    this.#set('cmi.session_time', scorm2004Duration(Date.now() - this.#startedAt));
    this.#commit();
  }

  #close(): void {
    this.#set('cmi.session_time', scorm2004Duration(Date.now() - this.#startedAt));
    // Terminate commits by itself; a synchronous Commit during pagehide fails in Chromium.
    if (this.api.Terminate('') !== 'true') this.log(`Terminate failed: ${this.api.GetLastError()}`);
    this.#open = false;
  }

  #commit(): void {
    if (this.#open && this.api.Commit('') !== 'true') {
      this.log(`Commit failed: ${this.api.GetLastError()}`);
    }
  }

  #set(element: string, value: string): void {
    if (!this.#open) return;
    if (this.api.SetValue(element, value) !== 'true') {
      this.log(`SetValue(${element}) failed: ${this.api.GetLastError()}`);
    }
  }
}
