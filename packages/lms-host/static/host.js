// The LMS side of a launch: creates the scorm-again runtime, seeds what an LMS owns,
// records every call the content makes, then opens the content in a frame.
/* global Scorm12API, Scorm2004API */
const config = JSON.parse(document.getElementById('host-config').textContent);
const calls = [];
const record = (method) => (element, value) => calls.push({ method, element, value });
const settings = { autocommit: false, logLevel: 4, lmsCommitUrl: false };

if (config.version === 'scorm12') {
  const api = new Scorm12API(settings);
  api.loadFromJSON(config.seed);
  for (const method of ['LMSInitialize', 'LMSFinish', 'LMSCommit']) api.on(method, record(method));
  api.on('LMSSetValue.cmi.*', record('LMSSetValue'));
  window.API = api;
} else {
  const api = new Scorm2004API(settings);
  api.loadFromJSON(config.seed);
  for (const method of ['Initialize', 'Terminate', 'Commit']) api.on(method, record(method));
  api.on('SetValue.cmi.*', record('SetValue'));
  window.API_1484_11 = api;
}
window.teachInHost = { calls, config };

const frame = document.createElement('iframe');
frame.title = config.title;
frame.src = config.launchUrl;
document.getElementById('content').append(frame);
