import type { Call } from '../../../tests/support/strict-values.ts';
import type { Scorm12Api, Scorm2004Api } from '../src/index.ts';

export type Fault = 'none' | 'refuse-commit' | 'throw' | 'refuse-all';

/**
 * A fake LMS runtime that records every call in order and keeps the values set, so
 * GetValue reads them back. `fault` makes it refuse commits, refuse everything, or throw
 * (an LMS frame that went away).
 */
export class FakeLms {
  readonly calls: Call[] = [];
  readonly values = new Map<string, string>();
  fault: Fault = 'none';

  constructor(initial: Record<string, string> = {}) {
    for (const [key, value] of Object.entries(initial)) this.values.set(key, value);
  }

  #call(method: string, element?: string, value?: string): string {
    if (this.fault === 'throw') throw new Error('The LMS window is gone');
    this.calls.push({ method, element, value });
    if (this.fault === 'refuse-all') return 'false';
    if (this.fault === 'refuse-commit' && /Commit/.test(method)) return 'false';
    if (element !== undefined && value !== undefined) {
      this.values.set(element, value);
      const interaction = /^cmi\.(interactions|objectives)\.(\d+)\.id$/.exec(element);
      if (interaction) {
        const count = `cmi.${interaction[1]}._count`;
        const n = Number(interaction[2]) + 1;
        if (n > Number(this.values.get(count) ?? 0)) this.values.set(count, String(n));
      }
    }
    return 'true';
  }

  #get(element: string): string {
    if (this.fault === 'throw') throw new Error('The LMS window is gone');
    return this.values.get(element) ?? (element.endsWith('._count') ? '0' : '');
  }

  /** Just the elements set since call `from`, in order. */
  setElements(from = 0): string[] {
    return this.calls.slice(from).flatMap((c) => (c.value === undefined ? [] : [c.element ?? '']));
  }

  value(element: string): string | undefined {
    return this.values.get(element);
  }

  scorm12(): Scorm12Api {
    return {
      LMSInitialize: () => this.#call('LMSInitialize'),
      LMSFinish: () => this.#call('LMSFinish'),
      LMSGetValue: (element) => this.#get(element),
      LMSSetValue: (element, value) => this.#call('LMSSetValue', element, value),
      LMSCommit: () => this.#call('LMSCommit'),
      LMSGetLastError: () => (this.fault === 'none' ? '0' : '101'),
      LMSGetErrorString: () => '',
      LMSGetDiagnostic: () => '',
    };
  }

  scorm2004(): Scorm2004Api {
    return {
      Initialize: () => this.#call('Initialize'),
      Terminate: () => this.#call('Terminate'),
      GetValue: (element) => this.#get(element),
      SetValue: (element, value) => this.#call('SetValue', element, value),
      Commit: () => this.#call('Commit'),
      GetLastError: () => (this.fault === 'none' ? '0' : '391'),
      GetErrorString: () => '',
      GetDiagnostic: () => '',
    };
  }
}
