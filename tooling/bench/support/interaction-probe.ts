/**
 * "First usable question" and "click to feedback", measured inside the course frame.
 *
 * Usable: the first radio or checkbox inside a Teach-in question element (a `ti-*` custom
 * element other than the course shell) that is defined (upgraded: its class runs), rendered
 * in its shadow root and not disabled: an input a learner can pick as soon as its page is
 * shown (the benchmark module's first question is on its second page, which is one click
 * away and needs no more requests).
 * Checked on every animation frame from the first script on, so the time is the frame
 * in which the input became usable (wall clock, performance.timeOrigin + now, to compare
 * with request times).
 *
 * Feedback: from a click on the question's button (the event's own timestamp, when the
 * input reached the page) until the frame after the verdict appeared in the question's
 * shadow root has been presented (a requestAnimationFrame, then a message task, which runs
 * after that frame's paint): the interaction's "next paint", as INP counts it.
 *
 * A plain string like first-content-probe.ts, injected into every frame before its scripts;
 * the host page has no question elements and never matches.
 */
export const interactionProbe = `(() => {
  const isQuestion = (el) => el.localName.startsWith('ti-') && el.localName !== 'ti-course';
  const firstChoiceInput = () => {
    for (const el of document.querySelectorAll('*')) {
      if (!isQuestion(el) || !customElements.get(el.localName) || !el.shadowRoot) continue;
      const input = el.shadowRoot.querySelector('input[type=radio], input[type=checkbox]');
      if (input) return { el, input };
    }
    return null;
  };
  const watch = () => {
    const found = firstChoiceInput();
    if (found && found.input.isConnected && !found.input.disabled) {
      window.__teachInUsable = performance.timeOrigin + performance.now();
      return;
    }
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
  const afterPaint = () => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      window.__teachInFeedbackMs = performance.now() - clickedAt;
    };
    channel.port2.postMessage(null);
  };
  let clickedAt = 0;
  // Bubbling, so the question's own click handler and Lit's update (a microtask) ran first.
  document.addEventListener('click', (event) => {
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLButtonElement)) return;
    const host = target.getRootNode().host;
    if (!host || !isQuestion(host)) return;
    clickedAt = event.timeStamp;
    const verdict = () => host.shadowRoot.querySelector('.verdict');
    // In a frame callback the verdict is painted with that frame; the message runs after it.
    const inFrame = () => (verdict() ? afterPaint() : requestAnimationFrame(inFrame));
    requestAnimationFrame(inFrame);
  });
})();`;

export const usableGlobal = '__teachInUsable';
export const feedbackGlobal = '__teachInFeedbackMs';
