// A reporter for CI: after the run, one line of its own,
//   browser: N passed, N failed[, N skipped]
// counting individual tests across every test file and browser. A test file that fails
// without a failing test (it did not load, a hook threw, `.only` was forbidden) counts
// as one failure, so the line never reads "0 failed" for a run that failed.

/**
 * @param {import('@web/test-runner').TestSuiteResult | undefined} suite
 * @param {{ passed: number, failed: number, skipped: number }} counts
 */
function countSuite(suite, counts) {
  if (!suite) return;
  for (const test of suite.tests) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites) countSuite(child, counts);
}

/**
 * @param {Iterable<import('@web/test-runner').TestSession>} sessions
 * @returns {{ passed: number, failed: number, skipped: number }}
 */
export function countTests(sessions) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const session of sessions) {
    const failedBefore = counts.failed;
    countSuite(session.testResults, counts);
    if (session.passed === false && counts.failed === failedBefore) counts.failed += 1;
  }
  return counts;
}

/** @param {{ passed: number, failed: number, skipped: number }} counts */
export function summaryLine({ passed, failed, skipped }) {
  const line = `browser: ${passed} passed, ${failed} failed`;
  return skipped ? `${line}, ${skipped} skipped` : line;
}

/** @returns {import('@web/test-runner').Reporter} */
export function summaryReporter() {
  return {
    stop({ sessions }) {
      // console output goes through the runner's terminal, which prints it in order.
      console.log(`\n${summaryLine(countTests(sessions))}`);
    },
  };
}
