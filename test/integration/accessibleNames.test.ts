import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, freshSandbox, labelOf, walk } from './api';

function nameOf(item: vscode.TreeItem): string {
  assert.ok(item.accessibilityInformation, `${labelOf(item)} has no accessible name`);
  return item.accessibilityInformation.label;
}

describe('accessible names of tree rows', () => {
  before(async () => {
    await freshSandbox();
  });

  it('every row of the Tenants view says its label, what it shows beside it, and what its icon shows', async () => {
    const api = await extensionApi();
    const items = await walk(api.tree);
    assert.ok(items.length > 30, `${items.length} rows`);
    for (const item of items) {
      const name = nameOf(item);
      const shown = [labelOf(item), typeof item.description === 'string' ? item.description : '']
        .filter(Boolean)
        .join(' ');
      assert.ok(name.startsWith(shown), `"${name}" starts with "${shown}"`);
    }
    const tenant = items.find((i) => labelOf(i) === 'Contoso Group')!;
    assert.match(nameOf(tenant), /^Contoso Group contoso\.onmicrosoft\.com · sandbox, signed in$/);
    const quarantined = items.find((i) => labelOf(i) === 'Quarantined');
    assert.ok(quarantined, 'a quarantined job in the seed');
    assert.match(nameOf(quarantined), /^Quarantined last run/);
  });

  it('a finding of the Tenant Pairs view says its severity, which only its icon shows', async () => {
    const api = await extensionApi();
    // The pairs are checked on demand (as the view's refresh does), not on every sandbox reset.
    await api.pairs.recheck();
    const items = await walk(api.pairsTree);
    assert.ok(items.length > 0);
    for (const item of items) nameOf(item);
    const findings = items.filter((i) => i.contextValue?.startsWith('pairFinding'));
    assert.ok(findings.length > 0, 'the seed has a mismatched pair');
    for (const finding of findings)
      assert.match(nameOf(finding), /, (error|warning|information)$/, nameOf(finding));
  });
});
