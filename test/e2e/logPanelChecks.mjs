// E2E checks of the provisioning-log panel: a failing job's log with 50,000 entries, virtualised,
// filtered, explained, hostile names shown as text, the policy it points at, and the reload.
import path from 'node:path';
import { runCommand, sideBarPane } from './workbench.mjs';

/** The panel's document inside the webview's two iframes. */
export function panelFrame(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** Reads a property of the panel document's window (the XSS marker), through the real frame. */
async function panelWindow(page, expression) {
  const outer = await page.locator('iframe.webview.ready').first().elementHandle();
  const inner = await (await outer.contentFrame()).locator('iframe#active-frame').elementHandle();
  return (await inner.contentFrame()).evaluate(expression);
}

/** Opens a configuration's logs with the inline action on its row in the Tenants view. */
export async function openLogs(page, rowName) {
  await runCommand(page, 'View: Close All Editors');
  await runCommand(page, 'Focus on Tenants View');
  // Fold the Tenant Pairs view: the Tenants view gets the whole side bar.
  const pairsHeader = sideBarPane(page, 'Tenant Pairs').locator('.pane-header');
  if ((await pairsHeader.getAttribute('aria-expanded')) === 'true') await pairsHeader.click();
  const pane = sideBarPane(page, 'Tenants');
  const row = pane.getByRole('treeitem', { name: rowName }).first();
  await row.waitFor({ timeout: 30000 });
  await row.hover();
  await row.locator('.action-label[aria-label="Show Provisioning Logs"]').click();
  await panelFrame(page).locator('[data-testid="row-count"]').waitFor({ timeout: 30000 });
  // The panel gets the window: no bottom panel, no side bar (the next "Focus on … View" brings it back).
  await runCommand(page, 'View: Hide Panel').catch(() => {});
  await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
}

function loadedCount(text) {
  return Number((/([\d,]+)\s+loaded/.exec(text)?.[1] ?? '0').replace(/,/g, ''));
}

export async function logPanelChecks({ page, shots, check, total, dialogs }) {
  await check("a new pair's first provisioning entries appear in its log panel", async () => {
    // The configuration, not the partner of the same name (whose description is its domain).
    await openLogs(page, /^Woodgrove Bank (?!woodgrovebank)/);
    const frame = panelFrame(page);
    await frame.locator('[data-testid="live-toggle"]').check();
    await frame.locator('[data-testid="log-row"]').first().waitFor({ timeout: 90000 });
    await page.screenshot({ path: path.join(shots, 'logs-new-pair.png') });
  });

  await check(
    `the failing job's log loads ${total.toLocaleString('en-US')} entries within the rate limit, with at most 200 rows in the DOM`,
    async () => {
      await openLogs(page, /^Tailspin Toys Quarantined/);
      const frame = panelFrame(page);
      const count = frame.locator('[data-testid="row-count"]');
      await frame.locator('[data-testid="log-row"]').first().waitFor({ timeout: 30000 });
      await frame.locator('[data-testid="btn-load-all"]').click();
      const started = Date.now();
      await frame
        .locator('[data-testid="progress"]', { hasText: 'All entries loaded' })
        .waitFor({ timeout: 240_000 })
        .catch(async () => {
          throw new Error(
            `only ${loadedCount(await count.textContent())} of ${total} loaded after 4 minutes`,
          );
        });
      const n = loadedCount(await count.textContent());
      if (n < total) throw new Error(`all loaded, but only ${n} of ${total}`);
      const rows = await frame.locator('[data-testid="log-row"]').count();
      if (rows > 200) throw new Error(`${rows} row elements in the DOM`);
      console.log(
        `       ${n} entries loaded in ${Math.round((Date.now() - started) / 1000)} s after "Load all"; ${rows} row elements in the DOM`,
      );
      await page.screenshot({ path: path.join(shots, 'logs-50k.png') });
      // The panel follows the theme (VS Code's CSS variables): the same view in the dark theme.
      await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
      await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 10000 });
      // The webview has its theme when VS Code has given its document the dark class.
      await frame.locator('body.vscode-dark').waitFor({ timeout: 10000 });
      await page.screenshot({ path: path.join(shots, 'logs-50k-dark.png') });
      await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
      await page
        .locator('.monaco-workbench.vs-dark')
        .waitFor({ state: 'detached', timeout: 10000 });
    },
  );

  await check(
    'the failures of one user are found with two filters, explained, and lead to the policy that causes them',
    async () => {
      const frame = panelFrame(page);
      // Someone the sync policy check fails for (the error this pair is known for)…
      await frame
        .locator('[data-testid="filter-error-code"]')
        .selectOption('AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure');
      await frame
        .locator('[data-testid="log-row"]')
        .first()
        .locator('.col-errorCode', { hasText: 'SyncPolicyCheckFailure' })
        .waitFor({ timeout: 10000 });
      // The first such row that names its user (a row redrawn while read, or an entry with no
      // source name, would leave the search empty and filter nothing).
      const named = frame
        .locator('[data-testid="log-row"]', {
          has: frame.locator('.col-errorCode', { hasText: 'SyncPolicyCheckFailure' }),
        })
        .locator('.col-source', { hasText: /\S/ })
        .first();
      await named.waitFor({ timeout: 10000 });
      const who = ((await named.textContent()) ?? '').trim();
      if (!who) throw new Error('the policy-check failure names no user');
      await frame.locator('[data-testid="filter-error-code"]').selectOption('');
      // …and that user's failures, with two filters, each applied once the count shown has moved
      // (a row clicked before the list is drawn again can be another one by the time it is hit).
      await countMoved(frame, () => frame.locator('[data-testid="filter-status-failure"]').check());
      await countMoved(frame, () => frame.locator('[data-testid="filter-text"]').fill(who));
      await frame
        .locator('[data-testid="log-row"]', { hasText: 'PolicyCheckFailure' })
        .first()
        .click();
      await frame
        .locator('[data-testid="details-error-code"]', { hasText: 'PolicyCheckFailure' })
        .waitFor({ timeout: 20000 });
      await frame.locator('[data-testid="details-error-meaning"]').waitFor({ timeout: 20000 });
      await page.screenshot({ path: path.join(shots, 'logs-failures-details.png') });
      await frame.locator('[data-testid="chart-bar"]').first().waitFor({ timeout: 5000 });
      const policy = frame.locator('[data-testid="btn-open-policy"]');
      await policy.waitFor({ timeout: 10000 });
      await policy.click();
      await page
        .locator('.tabs-container .tab', { hasText: /\.xta-(partner|identitysync)\.json/ })
        .first()
        .waitFor({ timeout: 20000 });
      await page.screenshot({ path: path.join(shots, 'logs-open-policy.png') });
    },
  );

  await check('hostile names and values are shown as text and run nothing', async () => {
    await page
      .locator('.tabs-container .tab', { hasText: 'Provisioning Logs: Tailspin Toys' })
      .first()
      .click();
    const frame = panelFrame(page);
    await frame.locator('[data-testid="btn-clear-filters"]').click();
    await frame.locator('[data-testid="filter-text"]').fill('onerror');
    const row = frame
      .locator('[data-testid="log-row"]', { hasText: '<img src=x onerror=' })
      .first();
    await row.waitFor({ timeout: 20000 });
    await row.click();
    await frame
      .locator('[data-testid="details"]', { hasText: '<img src=x onerror=' })
      .first()
      .waitFor({ timeout: 20000 });
    await page.screenshot({ path: path.join(shots, 'logs-hostile-as-text.png') });
    const marker = await panelWindow(page, () => window.__xss);
    if (marker !== undefined) throw new Error(`a payload ran: window.__xss = ${marker}`);
    // No element a payload names exists, and no element carries an event-handler attribute.
    const injected = await panelWindow(page, () =>
      [...document.querySelectorAll('*')]
        .filter(
          (e) =>
            ['IMG', 'IFRAME', 'SVG', 'OBJECT', 'EMBED'].includes(e.tagName.toUpperCase()) ||
            [...e.attributes].some((a) => a.name.startsWith('on')),
        )
        .map((e) => e.tagName),
    );
    if (injected.length)
      throw new Error(`markup from a log entry reached the DOM: ${injected.join(', ')}`);
    if (dialogs.length) throw new Error(`a dialog opened: ${dialogs.join(', ')}`);
    // Leave a filter to be restored after the reload, and move the focus out of the panel (Escape in
    // the search box clears it, and the next palette command starts with Escape).
    // Applied (and so kept for the reload) once the count of rows shown has changed.
    await countMoved(frame, () => frame.locator('[data-testid="filter-text"]').fill('Tailspin'));
    await frame.locator('[data-testid="filter-text"]').press('Tab');
  });
}

/** After a window reload: the panel is back, with its filter. */
export async function logPanelRestoreCheck({ page, shots, check }) {
  await check('the log panel comes back after the reload with its filters', async () => {
    const tab = page
      .locator('.tabs-container .tab', { hasText: 'Provisioning Logs: Tailspin Toys' })
      .first();
    await tab.waitFor({ timeout: 30000 });
    await tab.click();
    const frame = panelFrame(page);
    const text = frame.locator('[data-testid="filter-text"]');
    await text.waitFor({ timeout: 30000 });
    const value = await text.inputValue();
    if (value !== 'Tailspin') throw new Error(`the search box holds "${value}"`);
    await frame.locator('[data-testid="log-row"]').first().waitFor({ timeout: 30000 });
    await page.screenshot({ path: path.join(shots, 'logs-after-reload.png') });
  });
}

/**
 * Makes a filter change and waits until the panel's count of rows shown has moved: the list is
 * drawn again by then, so a row found next is one of the filtered rows.
 */
async function countMoved(frame, change) {
  const count = frame.locator('[data-testid="row-count"]');
  const before = ((await count.textContent()) ?? '').trim();
  await change();
  // Exactly that text: a string would also match a longer count that contains it.
  const same = new RegExp(`^\\s*${before.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  await frame
    .locator('[data-testid="row-count"]', { hasText: 'shown' })
    .and(frame.locator('[data-testid="row-count"]', { hasNotText: same }))
    .waitFor({ timeout: 10000 });
}
