// Mocha reporter: the usual `spec` output, plus a JSON summary {passed, failed, pending} written to
// $TEST_SUMMARY_FILE so scripts/test-all.sh can total every tier into one line.
const Mocha = require('mocha');
const fs = require('fs');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const file = process.env.TEST_SUMMARY_FILE;
      if (!file) return;
      const { passes, failures, pending } = runner.stats;
      fs.writeFileSync(file, JSON.stringify({ passed: passes, failed: failures, pending }));
    });
  }
}
module.exports = SummaryReporter;
