/**
 * "First content visible", precisely: the moment Chromium presents the first frame that
 * paints the text of the course's first page heading inside the viewport. The heading is
 * the element named by the first `[data-page-id]` section's aria-labelledby (else its first
 * h1/h2). The time comes from the Element Timing API: as soon as the parser inserts the
 * heading, a MutationObserver marks it with an `elementtiming` attribute (before any paint:
 * the page's stylesheet blocks rendering until it arrives), and Chromium then reports the
 * heading's render time, the same clock as First Contentful Paint. It only reports text it
 * painted inside the viewport, so a heading hidden, transparent or scrolled away does not
 * count. Stored as wall-clock milliseconds (performance.timeOrigin + renderTime) to compare
 * with the request times Chromium reports.
 *
 * Injected into every frame before any of its scripts (CDP addScriptToEvaluateOnNewDocument,
 * which a page's Content-Security-Policy does not block). A plain string, not a function:
 * functions passed to Playwright are serialized, and the TypeScript transform can add helpers
 * that do not exist in the page. Frames without course pages (the host page) never match.
 */
export const firstContentProbe = `(() => {
  const mark = 'teach-in-first-content';
  const firstPageHeading = () => {
    const page = document.querySelector('[data-page-id]');
    if (!page) return null;
    const id = page.getAttribute('aria-labelledby');
    return (id && document.getElementById(id)) || page.querySelector('h1, h2');
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.identifier === mark && window.__teachInFirstContent === undefined) {
        window.__teachInFirstContent = performance.timeOrigin + (entry.renderTime || entry.loadTime);
      }
    }
  }).observe({ type: 'element', buffered: true });
  const marker = new MutationObserver(() => {
    const heading = firstPageHeading();
    if (heading && heading.textContent.trim() !== '') {
      heading.setAttribute('elementtiming', mark);
      marker.disconnect();
    }
  });
  marker.observe(document, { childList: true, subtree: true, characterData: true });
})();`;

export const firstContentGlobal = '__teachInFirstContent';
