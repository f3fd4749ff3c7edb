// The preview's live side: the data panel (every API call and the current data model, or for
// cmi5 every xAPI statement the LMS handled and the state documents), the fresh-attempt
// button, and reloading when the server says the course was rebuilt.
const host = window.teachInHost;
const panel = document.getElementById('lms-data');
/** `scorm-api`, `browser-storage` or `xapi`: what the server said this panel lists. */
const panelKind = panel.dataset.panel;
const status = document.getElementById('preview-status');
const callLog = document.getElementById('call-log');
const callCount = document.getElementById('call-count');
const dataModel = document.getElementById('data-model');
const freshAttempt = document.getElementById('fresh-attempt');
const maxShownCalls = 2000;

/** Readable call: `LMSSetValue("cmi.core.lesson_location", "p2") → "true"`. */
function describe(call) {
  const args = call.args.map((a) => JSON.stringify(String(a))).join(', ');
  return `${call.method}(${args}) → ${JSON.stringify(call.result)}`;
}

function addCall(call) {
  const item = document.createElement('li');
  const code = document.createElement('code');
  code.textContent = describe(call);
  item.append(code);
  if (call.errorCode !== '0') {
    item.classList.add('ti-call-error');
    const error = document.createElement('span');
    error.textContent = ` error ${call.errorCode}`;
    item.append(error);
  }
  callLog.append(item);
  // A chatty course can make thousands of calls; the page keeps the latest ones.
  if (callLog.childElementCount > maxShownCalls) callLog.firstElementChild.remove();
  callCount.textContent = String(host.calls.length);
}

/** The runtime's data model, or for no LMS what the course keeps in this browser. */
function currentModel() {
  if (host.api) return JSON.parse(JSON.stringify(host.api.cmi));
  const kept = {};
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    const value = localStorage.getItem(key);
    try {
      kept[key] = JSON.parse(value);
    } catch {
      kept[key] = value;
    }
  }
  return { localStorage: kept };
}

let modelPending = false;
function showModel() {
  if (modelPending) return;
  modelPending = true;
  // Many calls arrive together; render the model once per frame, not once per call.
  requestAnimationFrame(() => {
    modelPending = false;
    dataModel.textContent = JSON.stringify(currentModel(), null, 2);
  });
}

/** Readable statement: `answered {"success":true,"response":"b"}: accepted`. */
function describeStatement(entry) {
  const result = entry.result === undefined ? '' : ` ${JSON.stringify(entry.result)}`;
  const by = entry.sentBy === 'lms' ? ' (by the LMS)' : '';
  return `${entry.verb}${by}${result}`;
}

let statementCount = 0;
function addStatement(entry) {
  const item = document.createElement('li');
  const code = document.createElement('code');
  code.textContent = describeStatement(entry);
  const verdict = document.createElement('span');
  verdict.textContent = `: ${entry.verdict}`;
  item.append(code, verdict);
  if (entry.verdict === 'rejected') {
    item.classList.add('ti-call-error');
    const reasons = entry.problems.length
      ? entry.problems.join('; ')
      : 'refused with its batch, another statement in it broke a rule';
    verdict.textContent = `: rejected (${reasons})`;
  }
  callLog.append(item);
  if (callLog.childElementCount > maxShownCalls) callLog.firstElementChild.remove();
  statementCount++;
  callCount.textContent = String(statementCount);
}

if (host && panelKind !== 'xapi') {
  for (const call of host.calls) addCall(call);
  window.addEventListener('teach-in-host:call', (event) => {
    addCall(event.detail);
    showModel();
  });
  // The course writes localStorage in its frame; this page hears of it through `storage`.
  window.addEventListener('storage', showModel);
  showModel();
}

if (host) {
  freshAttempt.addEventListener('click', async () => {
    freshAttempt.disabled = true;
    status.textContent = 'Starting a fresh attempt…';
    await host.exitContent();
    if (panelKind === 'browser-storage') localStorage.clear();
    else await fetch(host.config.resetUrl, { method: 'POST' });
    location.reload();
  });
}

// A cmi5 page hears of each statement and state write over the reload channel.
const events = new EventSource(
  panelKind === 'xapi'
    ? `/preview/events?lms=${encodeURIComponent(panel.dataset.lms)}`
    : '/preview/events',
);
if (panelKind === 'xapi') {
  // Each connection (and reconnection) starts with the whole attempt so far: start clean.
  events.addEventListener('hello', () => {
    callLog.replaceChildren();
    statementCount = 0;
    callCount.textContent = '0';
  });
  events.addEventListener('statement', (event) => addStatement(JSON.parse(event.data)));
  events.addEventListener('state', (event) => {
    dataModel.textContent = JSON.stringify(JSON.parse(event.data), null, 2);
  });
}
events.addEventListener('reload', async () => {
  status.textContent = 'Course rebuilt; reloading…';
  events.close();
  // Reload on the page on show: the content keeps its page address in its own URL.
  const address = host?.pageAddress();
  if (address) history.replaceState(history.state, '', address);
  // Let the course suspend and commit first, as it would when the learner leaves.
  if (host) await host.exitContent();
  location.reload();
});
events.addEventListener('error', () => {
  if (events.readyState === EventSource.CONNECTING) {
    status.textContent = 'Lost the preview server; reconnecting…';
  }
});
events.addEventListener('hello', () => {
  if (status.textContent.startsWith('Lost')) status.textContent = '';
});
