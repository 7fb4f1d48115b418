// Closes the run with one plain line (`Result: N passed, N failed, N skipped`) that any CI can
// read, and under CI=true fails the run on a skipped or todo test: CI installs every tool the
// tests need, so a skip there means a test silently did not run. Elsewhere skips are allowed
// (and said loudly by test/harness.ts).
export default class CiReporter {
  #error = undefined;

  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    if (process.env.CI && skipped > 0) {
      const names = results.testResults
        .flatMap((file) => file.testResults.filter((t) => t.status === 'pending' || t.status === 'todo'))
        .map((t) => `  ${t.fullName}`)
        .slice(0, 20);
      this.#error = new Error(`${skipped} test(s) were skipped under CI=true:\n${names.join('\n')}`);
      process.stderr.write(`\n${this.#error.message}\n`);
    }
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stderr.write(`\nResult: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped\n`);
  }

  getLastError() {
    return this.#error;
  }
}
