/** The SCORM 1.2 runtime API an LMS exposes as `window.API`. */
export interface Scorm12Api {
  LMSInitialize(parameter: ''): string;
  LMSFinish(parameter: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(parameter: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

/** The SCORM 2004 runtime API an LMS exposes as `window.API_1484_11`. */
export interface Scorm2004Api {
  Initialize(parameter: ''): string;
  Terminate(parameter: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(parameter: ''): string;
  GetLastError(): string;
  GetErrorString(code: string): string;
  GetDiagnostic(code: string): string;
}

export interface ApiByName {
  API: Scorm12Api;
  API_1484_11: Scorm2004Api;
}

/** How far up a frame chain to look; LMSs nest content a few frames deep, rarely more. */
const maxDepth = 10;

function lookUp<N extends keyof ApiByName>(start: Window, name: N): ApiByName[N] | undefined {
  let win: Window | null = start;
  for (let depth = 0; win && depth <= maxDepth; depth++) {
    try {
      const api = (win as unknown as Partial<ApiByName>)[name];
      if (api) return api as ApiByName[N];
    } catch {
      // A cross-origin frame: its API is out of reach, keep climbing.
    }
    if (win.parent === win) break;
    win = win.parent;
  }
  return undefined;
}

/**
 * Finds the LMS API the way SCORM asks: this window and its parents first, then the
 * window that opened this one (LMSs that launch content in a pop-up) and its parents.
 */
export function findApi<N extends keyof ApiByName>(win: Window, name: N): ApiByName[N] | undefined {
  const inFrames = lookUp(win, name);
  if (inFrames) return inFrames;
  let opener: Window | null = null;
  try {
    opener = win.opener as Window | null;
  } catch {
    opener = null;
  }
  return opener ? lookUp(opener, name) : undefined;
}
