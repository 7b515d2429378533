/**
 * A Jest reporter that ends the run with one plain line, `tests: N passed, N failed`,
 * which CI reads (Jest's own summary line is not recognised there).
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    // Suites that fail to run (syntax or import errors) have no test results: count them as failures.
    const brokenSuites = results.testResults.filter((suite) => suite.testExecError || suite.failureMessage && suite.numFailingTests === 0).length;
    const failed = results.numFailedTests + brokenSuites;
    process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}\n`);
  }
}
module.exports = SummaryReporter;
