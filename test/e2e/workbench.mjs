// Playwright helpers for driving the VS Code workbench: selectors that hold on VS Code 1.110 and 1.139.

/** Runs a command from the palette by its full title ("Cross-Tenant: Show Log"). */
export async function runCommand(page, title) {
  // Right after start-up the palette may not list contributed commands yet, or lose the focus to a
  // loading webview: retry a few times.
  for (let attempt = 1; ; attempt++) {
    // Keys pressed while a webview has the focus stay in its frame (VS Code 1.110): give the workbench the focus.
    await page.evaluate(
      () => document.activeElement?.tagName === 'IFRAME' && document.activeElement.blur(),
    );
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    try {
      await input.waitFor({ timeout: 10000 });
      // A webview that takes the focus as it loads (a panel restored after a reload) closes the
      // palette: then the input is gone before it is filled, and the next attempt opens it again.
      await input.fill('>' + title, { timeout: 4000 });
      await row.waitFor({ timeout: 4000 });
      await row.click();
      return;
    } catch (e) {
      if (attempt >= 4) throw e;
    }
  }
}

/** Waits for a notification text (toasts are not always rendered headless; the aria alert always is). */
export async function expectNotification(page, text, timeout = 15000) {
  await page
    .locator(
      '.monaco-aria-container .monaco-alert, .notifications-toasts .notification-list-item-message',
    )
    .filter({ hasText: text })
    .first()
    .waitFor({ state: 'attached', timeout });
}

/**
 * Waits until the element `selector` names is painted in a dark (`dark` true) or light background:
 * a theme switch has reached it, so a screenshot shows the new theme.
 */
export async function waitForPaint(page, selector, dark, timeout = 10000) {
  await page.waitForFunction(
    ([sel, wantDark]) => {
      const element = document.querySelector(sel);
      const rgb =
        element && /rgba?\((\d+), (\d+), (\d+)/.exec(getComputedStyle(element).backgroundColor);
      if (!rgb) return false;
      const [r, g, b] = rgb.slice(1).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.5 === wantDark;
    },
    [selector, dark],
    { timeout },
  );
}

/** The activity-bar entry of a view container, by its title. */
export function activityBarItem(page, title) {
  return page.locator(`.activitybar [aria-label^="${title}"]`).first();
}

/** A pane (view) in the side bar, by its title. */
export function sideBarPane(page, title) {
  return page
    .locator('.sidebar .pane')
    .filter({ has: page.locator('.pane-header', { hasText: title }) })
    .first();
}
