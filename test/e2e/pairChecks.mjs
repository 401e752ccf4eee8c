// E2E checks of the Tenant Pairs view and the "Set Up Cross-Tenant Sync…" wizard.
import path from 'node:path';
import { runCommand, sideBarPane, expectNotification } from './workbench.mjs';

/** In the quick pick showing `title`, picks the row that contains `text` (typing filters the list first). */
async function pick(page, title, text) {
  // The title is the pick's title or, for tenant picks, its placeholder.
  const widget = page
    .locator('.quick-input-widget', { hasText: title })
    .or(
      page
        .locator('.quick-input-widget')
        .filter({ has: page.locator(`input[placeholder*="${title}"]`) }),
    );
  await widget.first().waitFor({ timeout: 20000 });
  const input = page.locator('.quick-input-widget input');
  await input.fill(text);
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: text })
    .first()
    .waitFor({ timeout: 20000 });
  await page.keyboard.press('Enter');
}

export async function pairChecks({ page, shots, check }) {
  await check(
    'the Tenant Pairs view explains the mismatched pair before any sync runs',
    async () => {
      await runCommand(page, 'View: Close All Editors');
      await runCommand(page, 'Focus on Tenant Pairs View');
      const pane = sideBarPane(page, 'Tenant Pairs');
      await pane
        .getByRole('treeitem', { name: /Contoso Group ⇄ Tailspin Toys.*1 error/ })
        .first()
        .waitFor({ timeout: 30000 });
      await pane
        .getByRole('treeitem', {
          name: /Tailspin Toys does not redeem invitations from Contoso Group automatically/,
        })
        .first()
        .waitFor({ timeout: 20000 });
      await pane
        .getByRole('treeitem', {
          name: /Contoso Group ⇄ Fabrikam Retail ok|Fabrikam Retail ⇄ Contoso Group ok/,
        })
        .first()
        .waitFor({ timeout: 20000 });
      await page.screenshot({ path: path.join(shots, 'pairs.png') });
      // The finding's setting opens in Tailspin's partner policy, marked in the editor.
      await pane
        .getByRole('treeitem', { name: /Tailspin Toys does not redeem invitations/ })
        .first()
        .click();
      await page
        .locator('.tabs-container .tab', { hasText: '.xta-partner.json' })
        .first()
        .waitFor({ timeout: 20000 });
      await page.locator('.editor-instance .squiggly-error').first().waitFor({ timeout: 20000 });
      await page.screenshot({ path: path.join(shots, 'pair-finding-in-editor.png') });
      await runCommand(page, 'View: Close All Editors');
    },
  );

  await check(
    '"Set Up Cross-Tenant Sync…" shows the plan per tenant, sets up a fresh pair and its first entries arrive',
    async () => {
      await runCommand(page, 'Cross-Tenant: Set Up Cross-Tenant Sync…');
      const title = page.locator('.quick-input-widget .quick-input-title');
      await title
        .filter({ hasText: /^Set Up Cross-Tenant Sync \(1\/5\)$/ })
        .waitFor({ timeout: 20000 });
      await pick(page, 'FROM which tenant', 'Contoso Group');
      // Every question is titled and numbered, and from the second on has Back.
      await title
        .filter({ hasText: /^Set Up Cross-Tenant Sync \(2\/5\)$/ })
        .waitFor({ timeout: 20000 });
      await page.screenshot({ path: path.join(shots, 'setup-wizard-step.png') });
      // The button's accessible name carries its key binding: "Back (Ctrl+Alt+-)".
      await page
        .locator('.quick-input-widget .quick-input-left-action-bar')
        .getByRole('button', { name: /^Back\b/ })
        .click();
      await title
        .filter({ hasText: /^Set Up Cross-Tenant Sync \(1\/5\)$/ })
        .waitFor({ timeout: 20000 });
      await pick(page, 'FROM which tenant', 'Contoso Group');
      await pick(page, 'INTO which tenant', 'Woodgrove Bank');
      await pick(page, 'Who is synced', 'All users');
      await pick(page, 'Synced users become', 'Members');
      // The name box (prefilled with the target's name) replaces the last pick: wait for it, then accept.
      await page
        .locator('.quick-input-widget', { hasText: 'configuration name' })
        .waitFor({ timeout: 20000 });
      await page.keyboard.press('Enter');
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.filter({ hasText: 'In Woodgrove Bank (target):' }).waitFor({ timeout: 30000 });
      await dialog.filter({ hasText: 'In Contoso Group (source):' }).waitFor({ timeout: 5000 });
      await page.screenshot({ path: path.join(shots, 'setup-plan.png') });
      await dialog.getByRole('button', { name: /^Apply \d+ Changes$/ }).click();
      await expectNotification(page, 'is set up and started', 90000);
      await page.screenshot({ path: path.join(shots, 'setup-done.png') });
      const pane = sideBarPane(page, 'Tenant Pairs');
      await pane
        .getByRole('treeitem', {
          name: /Contoso Group ⇄ Woodgrove Bank|Woodgrove Bank ⇄ Contoso Group/,
        })
        .first()
        .waitFor({ timeout: 30000 });
    },
  );
}
