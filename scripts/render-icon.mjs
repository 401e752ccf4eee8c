// Renders media/icon.svg to media/icon.png (the Marketplace wants a PNG) with Debian's Chromium.
// Run once after changing the SVG: node scripts/render-icon.mjs
import fs from 'node:fs';
import { launchChromium } from '../harness/codeServer.mjs';

const svg = fs.readFileSync(new URL('../media/icon.svg', import.meta.url), 'utf8');
const browser = await launchChromium(process.env.CHROMIUM || '/usr/bin/chromium');
const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.locator('svg').screenshot({
  path: new URL('../media/icon.png', import.meta.url).pathname,
  omitBackground: true,
});
await browser.close();
