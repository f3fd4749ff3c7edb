// Browser tests: quiz elements and the LMS bridge, in the system Chromium.
// Run from the repository root: `pnpm run test:browser`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumPath } from './chromium.js';
import { summaryReporter } from './wtr-summary-reporter.js';

const rootDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * `executeServerCommand('accessibility-tree')`: the page's full accessibility tree, as a
 * screen reader gets it. (The stock a11ySnapshot command leaves out "uninteresting" nodes
 * such as the group a fieldset makes, which is exactly what the question tests look for.)
 */
function accessibilityTreePlugin() {
  return {
    name: 'accessibility-tree',
    async executeCommand({ command, session }) {
      if (command !== 'accessibility-tree') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`accessibility-tree needs a Chrome launcher, not ${session.browser.type}`);
      }
      const page = session.browser.getPage(session.id);
      return page.accessibility.snapshot({ interestingOnly: false });
    },
  };
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir,
  files: [
    'packages/quiz-elements/src/**/*.test.ts',
    'packages/lms-bridge/src/**/*.test.ts',
    'packages/course-builder/runtime/**/*.test.ts',
  ],
  nodeResolve: true,
  // One page at a time: keyboard and focus tests need the focused tab.
  concurrency: 1,
  testFramework: { config: { forbidOnly: true, timeout: 5000 } },
  // Lit's one-line notice that it runs in development mode (it does, on purpose, in tests).
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  plugins: [
    accessibilityTreePlugin(),
    // tsconfig.base.json itself (esbuild does not follow `extends`): experimentalDecorators
    // and useDefineForClassFields: false, which Lit's decorators need.
    esbuildPlugin({ ts: true, tsconfig: path.join(rootDir, 'tsconfig.base.json') }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        args: [...chromiumArgs],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
