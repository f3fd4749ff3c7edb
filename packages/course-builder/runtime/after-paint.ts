/**
 * Runs `work` once, after the next frame has been painted: a frame callback, then a task
 * queued from it, which the browser runs after that frame's paint. A frame or tab that is
 * not shown paints nothing, so `latestMs` bounds the wait.
 *
 * For work the first screen need not wait for: the startup's first save commits to the
 * LMS, and in SCORM a commit is synchronous (scorm-again, like most LMSs' APIs, sends it as
 * a blocking request), so before the paint it would hold the first question back by a
 * round trip to the LMS.
 */
export function afterNextPaint(win: Window, work: () => void, latestMs = 1000): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    work();
  };
  win.requestAnimationFrame(() => win.setTimeout(once, 0));
  win.setTimeout(once, latestMs);
}
