/**
 * The package's one script: defines the elements and connects the course shell to the
 * LMS (or to localStorage when there is none). Bundled by Vite into teach-in.js.
 */
import '@teach-in/quiz-elements/course.css';
import { connectTracker, type TrackerKind } from '@teach-in/lms-bridge';
import type { CourseShellElement, CourseState } from '@teach-in/quiz-elements';
import '@teach-in/quiz-elements';

function parseState(text: string): Partial<CourseState> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Partial<CourseState>) : undefined;
  } catch {
    return undefined;
  }
}

function start(shell: CourseShellElement): void {
  const kind = (shell.dataset.lms ?? 'standalone') as TrackerKind;
  const tracker = connectTracker(window, kind, shell.dataset.courseKey ?? 'course');
  const resume = tracker.start();
  const saved = resume.state ? parseState(resume.state) : undefined;
  if (saved) shell.restore(saved);
  else if (resume.location && shell.indexOf(resume.location) >= 0) {
    shell.restore({ page: shell.indexOf(resume.location) });
  }

  let finished = saved?.finished === true;
  const save = () => tracker.saveState(JSON.stringify(shell.snapshot()));

  shell.addEventListener('ti-page-view', (event) => {
    if (finished) return;
    tracker.setLocation(event.detail.pageId);
    save();
  });
  shell.addEventListener('ti-answer', (event) => {
    if (finished) return;
    const { detail } = event;
    save();
    // Ungraded answers (correct: null) wait for the tracking rewrite; private reflections never go.
    if (detail.correct === null) return;
    tracker.recordAnswer({
      id: detail.questionId,
      type: 'choice',
      response: detail.response,
      correctResponse: detail.correctResponse,
      correct: detail.correct,
      description: detail.description,
      timestamp: new Date(),
      latencyMs: detail.latencyMs,
    });
  });
  shell.addEventListener('ti-finish', (event) => {
    if (finished) return;
    finished = true;
    save();
    tracker.finish(event.detail);
  });
  // Mobile browsers often skip `unload`: save when hidden, close the session on pagehide.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') tracker.flush();
  });
  window.addEventListener('pagehide', () => tracker.leave());
  shell.begin();
}

const shell = document.querySelector('ti-course');
if (shell) start(shell);
