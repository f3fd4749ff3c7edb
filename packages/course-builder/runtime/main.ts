/**
 * The package's one script: defines the elements and connects the course shell to the
 * LMS (or to localStorage when there is none). Bundled by Vite into teach-in.js.
 */
import '@teach-in/quiz-elements/course.css';
import './runtime.css';
import type { AnswerRecord } from '@teach-in/course-schema';
import {
  completionRule,
  connectTracker,
  isComplete,
  newerState,
  ResilientSession,
  type TrackerKind,
} from '@teach-in/lms-bridge';
import {
  type CourseLayout,
  type Decoded,
  decodeState,
  encodeState,
  progressCode,
  readProgressCode,
  unreadableState,
} from '@teach-in/lms-bridge/state';
import type { CourseShellElement } from '@teach-in/quiz-elements';
import { stringsFor } from '@teach-in/quiz-elements';
import '@teach-in/quiz-elements';
import { afterNextPaint } from './after-paint.ts';
import { courseResult, moduleObjectives } from './objectives.ts';
import { clearAddress, linkedPage, showAddress } from './page-address.ts';
import { type PasteResult, ProgressCodePanel } from './progress-code-panel.ts';
import { SaveStatusLine } from './save-status.ts';
import { UnreadableProgressNotice } from './unreadable-progress.ts';

function readLayout(): CourseLayout | undefined {
  try {
    return JSON.parse(document.getElementById('ti-layout')?.textContent ?? '') as CourseLayout;
  } catch {
    return undefined;
  }
}

function storageOf(win: Window): Storage | undefined {
  try {
    return win.localStorage;
  } catch {
    return undefined;
  }
}

async function start(shell: CourseShellElement, layout: CourseLayout): Promise<void> {
  const kind = (shell.dataset.lms ?? 'standalone') as TrackerKind;
  const rule = completionRule(shell.dataset.completion);
  const t = stringsFor(document.documentElement.lang || 'en');
  const storage = storageOf(window);
  const tracker = connectTracker(window, kind, layout.courseId);
  const status = new SaveStatusLine(shell, t);
  let unreachable = false;
  const session = new ResilientSession(
    tracker,
    storage,
    `teach-in:${layout.courseId}:progress:${kind}`,
    // Once the LMS is known to be out of reach, "we will keep trying" would be untrue.
    (s) => unreachable || status.show(s),
  );

  // Resume from the newer of the LMS's copy and this device's copy (resilient-session.ts).
  const resume = await tracker.start();
  if (tracker.reachable === false) {
    unreachable = true;
    status.show('unreachable');
  }
  // For the certificate on the summary page: shown on this device, never sent back.
  if (resume.learnerName) shell.learnerName = resume.learnerName;
  const fromLms = resume.state ? decodeState(resume.state, layout) : undefined;
  const local = session.readLocal();
  const winner = newerState(
    fromLms && resume.state ? { state: resume.state, savedAt: fromLms.savedAt } : undefined,
    local,
  );
  const fromDevice = winner === 'local' && local ? decodeState(local.state, layout) : undefined;
  // A device copy this version cannot read gives way to the LMS's copy.
  const chosen: Decoded | undefined =
    fromDevice && !fromDevice.dropped.includes(unreadableState) ? fromDevice : fromLms;
  // Progress this version cannot read is never saved over without the learner's say.
  let held = chosen?.dropped.includes(unreadableState) === true;
  if (chosen && !held) shell.restore(chosen.state);
  else if (resume.location && shell.indexOf(resume.location) >= 0) {
    shell.restore({ page: shell.indexOf(resume.location) });
  }
  /** What happened while held, sent once the learner chooses to start again. */
  const heldBack: Array<() => void> = [];

  // Answer records an earlier visit could not deliver are sent whichever copy won.
  session.resend(local);

  let finished = chosen?.state.finished === true;
  /** Set once a pasted code replaced the progress: this page must not save over it. */
  let replaced = false;
  const panel =
    kind === 'standalone' || tracker.kind === 'standalone'
      ? new ProgressCodePanel(shell, t, (code) => {
          const result = usePastedCode(code, layout, session);
          replaced ||= result === 'ok';
          return result;
        })
      : undefined;
  // The first page view (the launch) is saved once the page is painted (after-paint.ts);
  // a save made before then saves the same and more, so the deferred one is dropped.
  let launchSavePending = true;
  const save = () => {
    launchSavePending = false;
    if (replaced || held) return;
    const state = shell.snapshot();
    const savedAt = Date.now();
    session.save(encodeState(state, layout, savedAt), savedAt);
    if (panel) panel.code = progressCode(state, layout, savedAt);
  };
  const reportObjectives = () => {
    const seen = shell.snapshot().seen;
    for (const objective of moduleObjectives(shell, layout, seen, finished)) {
      tracker.recordObjective(objective);
    }
  };
  const finishWith = (
    scorePercent: number | null,
    passed: boolean | null,
    allPagesSeen: boolean,
  ) => {
    reportObjectives();
    session.finish({ scorePercent, passed, completed: isComplete(rule, { allPagesSeen, passed }) });
  };
  // The device copy was newer: send it to the LMS now, with the result if the learner had
  // finished while the LMS could not be reached.
  if (winner === 'local') {
    save();
    if (finished) {
      const { scorePercent, passed, allPagesSeen } = courseResult(
        shell,
        layout,
        chosen?.state.seen ?? [],
      );
      finishWith(scorePercent, passed, allPagesSeen);
    }
  }

  /** Runs now, or once the learner starts again when their old progress was unreadable. */
  const send = (run: () => void) => (held ? heldBack.push(run) : run());
  let pageId = resume.location;
  if (held) {
    new UnreadableProgressNotice(shell, t, () => {
      held = false;
      if (pageId) tracker.setLocation(pageId);
      save();
      for (const run of heldBack.splice(0)) run();
    });
  }

  shell.addEventListener('ti-page-view', (event) => {
    pageId = event.detail.pageId;
    if (!held) tracker.setLocation(pageId);
    showAddress(window, pageId);
    if (!launchSavePending) return save();
    afterNextPaint(window, () => {
      if (launchSavePending) save();
    });
  });
  // A page address (index.html#<page id>) opens that page, now and when the address changes.
  window.addEventListener('hashchange', () => {
    const linked = linkedPage(shell, window.location.hash);
    if (linked >= 0 && linked !== shell.currentIndex) shell.goTo(linked);
  });
  shell.addEventListener('ti-answer', (event) => {
    const record: AnswerRecord = { ...event.detail, timestamp: new Date() };
    save();
    if (finished) return;
    send(() => {
      // The module's objective first, so the commit that carries the answer carries it too.
      if (record.final) reportObjectives();
      session.answer(record);
    });
  });
  shell.addEventListener('ti-finish', (event) => {
    if (finished) return;
    finished = true;
    save();
    const { scorePercent, passed, completed: allPagesSeen } = event.detail;
    send(() => finishWith(scorePercent, passed, allPagesSeen));
  });
  // Mobile browsers often skip `unload`: save when hidden, close the session on pagehide.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') {
      save();
      session.flush();
    }
  });
  window.addEventListener('pagehide', () => {
    if (!replaced) tracker.leave();
  });
  const linked = linkedPage(shell, window.location.hash);
  if (linked >= 0 && linked !== shell.currentIndex) shell.goTo(linked);
  else shell.begin();
}

/** Web copy: a pasted progress code replaces this device's progress, then the page reloads. */
function usePastedCode(code: string, layout: CourseLayout, session: ResilientSession): PasteResult {
  const result = readProgressCode(code, layout);
  if (!result.ok) return result.reason;
  const savedAt = Date.now();
  session.save(encodeState(result.decoded.state, layout, savedAt), savedAt);
  // Let the status message be read before the page starts again from the new state, on
  // the page the code saved (not the one this device's address names).
  clearAddress(window);
  setTimeout(() => window.location.reload(), 600);
  return 'ok';
}

const shell = document.querySelector<CourseShellElement>('ti-course');
const layout = readLayout();
if (shell && layout) void start(shell, layout);
