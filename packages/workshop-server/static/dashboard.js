// Live counts on the facilitator dashboard. The server pushes the flat counts map (see
// src/summary.ts) as server-sent events; every element with data-count shows one key.
// A same-origin file, so the page's Content-Security-Policy needs no inline script.
const status = document.getElementById('live-status');
const shownPoll = Number(document.body.dataset.openPoll ?? 0);

function apply(counts) {
  // A poll opened or closed in another window: reload to show the right section.
  if ((counts.openPoll ?? 0) !== shownPoll) {
    window.location.reload();
    return;
  }
  for (const element of document.querySelectorAll('[data-count]')) {
    const value = counts[element.dataset.count] ?? 0;
    if (element instanceof HTMLMeterElement) {
      element.max = Math.max(1, counts[element.dataset.total] ?? 0);
      element.value = value;
    } else if (element.textContent !== String(value)) {
      element.textContent = String(value);
    }
  }
}

const events = new EventSource('/facilitator/events');
events.addEventListener('counts', (event) => apply(JSON.parse(event.data)));
events.addEventListener('open', () => {
  if (status) status.textContent = 'Counts update live.';
});
events.addEventListener('error', () => {
  if (status) status.textContent = 'Connection lost; reconnecting.';
});
