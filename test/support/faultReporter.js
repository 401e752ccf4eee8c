// Mocha reporter of the fault tier: `spec` output, then the ledger's totals (test/fault/ledger.ts)
// as "faults injected: N (...); data lost: M". Lost data fails the tier even if every test passed.
const Mocha = require('mocha');
const fs = require('fs');

class FaultReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const ledger = globalThis.__crossTenantFaultLedger ?? { injected: new Map(), lost: [] };
      const total = [...ledger.injected.values()].reduce((a, b) => a + b, 0);
      const kinds = [...ledger.injected].map(([k, n]) => `${n} ${k}`).join(', ');
      console.log(
        `\nfaults injected: ${total}${kinds ? ` (${kinds})` : ''}; data lost: ${ledger.lost.length}`,
      );
      for (const what of ledger.lost) console.log(`  LOST ${what}`);
      const { passes, failures, pending } = runner.stats;
      const failed = failures + (ledger.lost.length > 0 ? 1 : 0);
      if (ledger.lost.length > 0) process.exitCode = 1;
      const file = process.env.TEST_SUMMARY_FILE;
      if (file) fs.writeFileSync(file, JSON.stringify({ passed: passes, failed, pending }));
    });
  }
}
module.exports = FaultReporter;
