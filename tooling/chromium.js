// Debian's Chromium and the flags every test run starts it with: tools that download their
// own browser cannot run here, and without the networking flags Chromium calls home, which
// a closed network refuses. Shared by web-test-runner and the end-to-end tests.
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
