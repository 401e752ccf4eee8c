// The Getting Started walkthrough (issue 16): opened from the palette as a user would, each step's
// check mark read from the walkthrough page (a step button's aria-checked).
import path from 'node:path';
import { runCommand } from './workbench.mjs';

const TITLE = 'Get Started with Cross-Tenant Explorer';

/** Opens our walkthrough and returns each step's title and whether it is checked. */
async function walkthroughSteps(page) {
  await runCommand(page, 'Welcome: Open Walkthrough...');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: TITLE }).first();
  await row.waitFor({ timeout: 20000 });
  await row.click();
  const steps = page.locator('.gettingStartedSlideDetails button.getting-started-step');
  await steps.first().waitFor({ timeout: 20000 });
  return steps.evaluateAll((buttons) =>
    buttons.map((b) => ({
      title: b.querySelector('.step-title')?.textContent?.trim() ?? b.textContent.trim(),
      checked: b.getAttribute('aria-checked') === 'true',
    })),
  );
}

function describe(steps) {
  return steps.map((s) => `${s.checked ? '✓' : '○'} ${s.title}`).join('; ');
}

/** Before anything is done, no step of the walkthrough is checked. */
export async function walkthroughStartCheck({ page, check }) {
  await check('the Getting Started walkthrough starts with no step done', async () => {
    const steps = await walkthroughSteps(page);
    if (steps.length !== 5 || steps.some((s) => s.checked))
      throw new Error(`expected 5 steps, none done: ${describe(steps)}`);
    await runCommand(page, 'View: Close All Editors');
  });
}

/** After the run tried the sandbox, opened a partner, pushed, set up a pair and read its logs. */
export async function walkthroughDoneCheck({ page, shots, check }) {
  await check(
    'the Getting Started walkthrough has every step done after the run did them',
    async () => {
      const steps = await walkthroughSteps(page);
      await page.screenshot({ path: path.join(shots, 'walkthrough-done.png') });
      if (steps.length !== 5 || steps.some((s) => !s.checked))
        throw new Error(`expected 5 steps, all done: ${describe(steps)}`);
      // Only the walkthrough: the log panel stays open for the reload check that follows.
      await runCommand(page, 'View: Close Editor');
    },
  );
}
