// The LMS side of a launch: creates the scorm-again runtime, seeds what an LMS owns (the
// server decided it, including restored data), records every call the content makes with
// its arguments and return value, then opens the content in a frame.
/* global Scorm12API, Scorm2004API */
const config = JSON.parse(document.getElementById('host-config').textContent);
const calls = [];
/** Whether the content's LMSFinish / Terminate (and so its final commit) succeeded. */
let finishedCleanly = false;

const apiMethods = {
  scorm12: [
    'LMSInitialize',
    'LMSFinish',
    'LMSGetValue',
    'LMSSetValue',
    'LMSCommit',
    'LMSGetLastError',
    'LMSGetErrorString',
    'LMSGetDiagnostic',
  ],
  scorm2004: [
    'Initialize',
    'Terminate',
    'GetValue',
    'SetValue',
    'Commit',
    'GetLastError',
    'GetErrorString',
    'GetDiagnostic',
  ],
};

/**
 * What the content sees as window.API / window.API_1484_11: the runtime's own methods, each
 * call recorded. `element` and `value` make set values easy to check.
 */
function recordingFacade(api, methods) {
  const facade = {};
  for (const method of methods) {
    facade[method] = (...args) => {
      const result = api[method](...args);
      const call = { method, args, result: String(result), errorCode: String(api.lastErrorCode) };
      if (/GetValue$/.test(method)) call.element = String(args[0]);
      if (/SetValue$/.test(method)) {
        call.element = String(args[0]);
        call.value = String(args[1]);
      }
      if (/^(LMSFinish|Terminate)$/.test(method)) finishedCleanly = call.result === 'true';
      calls.push(call);
      window.dispatchEvent(new CustomEvent('teach-in-host:call', { detail: call }));
      return result;
    };
  }
  Object.defineProperty(facade, 'cmi', { get: () => api.cmi });
  return facade;
}

function createRuntime() {
  const settings = {
    autocommit: false,
    logLevel: 4,
    // Commits go to the host server, which keeps them as the LMS's copy of the attempt.
    lmsCommitUrl: config.commitUrl,
    dataCommitFormat: 'json',
  };
  if (config.runtime === 'scorm12') {
    const api = new Scorm12API(settings);
    api.loadFromJSON(config.seed);
    window.API = recordingFacade(api, apiMethods.scorm12);
    return api;
  }
  if (config.runtime === 'scorm2004') {
    const api = new Scorm2004API(settings);
    api.loadFromJSON(config.seed);
    window.API_1484_11 = recordingFacade(api, apiMethods.scorm2004);
    return api;
  }
  return undefined;
}

const api = createRuntime();
const frame = document.createElement('iframe');
frame.title = config.title;
// A page address on the host's URL (`/#<page id>`) is passed on to the content, which
// opens that page: links from the docs work in the preview as in the web copy.
frame.src = location.hash.length > 1 ? `${config.launchUrl}${location.hash}` : config.launchUrl;

/** The content's own page address (its URL fragment), if it is on this origin. */
function pageAddress() {
  try {
    const hash = frame.contentWindow?.location.hash ?? '';
    return hash.length > 1 ? hash : '';
  } catch {
    return '';
  }
}

/**
 * Closes the content as an LMS does when the learner leaves it: the frame is emptied while
 * this page stays, so the content's pagehide handler can still finish and commit.
 */
function exitContent() {
  return new Promise((resolve) => {
    if (frame.getAttribute('src') === 'about:blank') {
      resolve();
      return;
    }
    frame.addEventListener('load', () => resolve(), { once: true });
    frame.src = 'about:blank';
  }).then(keepUnsavedData);
}

/**
 * The content finishes from its pagehide handler with a synchronous commit, which Chromium
 * can refuse while a frame is being closed. The data is still in the runtime here, as it is
 * in an LMS's player page, so the host keeps it itself rather than lose the learner's place.
 */
async function keepUnsavedData() {
  if (!api || finishedCleanly || !calls.some((c) => /^(LMS)?Initialize$/.test(c.method))) return;
  console.warn('[teach-in host] the final commit failed; saving the runtime data directly');
  await fetch(config.commitUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(api.renderCommitCMI(true)),
  });
}

window.teachInHost = { calls, config, api, exitContent, pageAddress };
document.getElementById('content').append(frame);
