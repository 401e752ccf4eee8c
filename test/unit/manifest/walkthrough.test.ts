import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  WALKTHROUGH_STEPS,
  walkthroughContextKey,
} from '../../../src/core/walkthrough/walkthroughSteps';

interface Step {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly media: { readonly markdown?: string };
  readonly completionEvents: readonly string[];
}
const root = path.resolve(__dirname, '../../..');
const read = (file: string): unknown =>
  JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as unknown;
const pkg = read('package.json') as {
  contributes: {
    walkthroughs: { id: string; title: string; steps: Step[] }[];
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
  };
};
const nls = read('package.nls.json') as Record<string, string>;
const text = (s: string): string => nls[s.replace(/^%|%$/g, '')] ?? s;
const [walkthrough] = pkg.contributes.walkthroughs;

describe('the Getting Started walkthrough (package.json)', () => {
  it('has the steps the extension completes, in order, each on its context key only', () => {
    assert.deepEqual(
      walkthrough.steps.map((s) => [s.id, s.completionEvents]),
      WALKTHROUGH_STEPS.map((step) => [step, [`onContext:${walkthroughContextKey(step)}`]]),
    );
  });

  it('has a translated title and description for the walkthrough and every step', () => {
    for (const s of [
      walkthrough.title,
      ...walkthrough.steps.flatMap((x) => [x.title, x.description]),
    ])
      assert.ok(s.startsWith('%') && nls[s.slice(1, -1)], `${s} is in package.nls.json`);
  });

  it('links only to commands the extension contributes or its views focus', () => {
    const views = Object.values(pkg.contributes.views)
      .flat()
      .map((v) => `${v.id}.focus`);
    const known = new Set([...pkg.contributes.commands.map((c) => c.command), ...views]);
    const linked = walkthrough.steps.flatMap((s) =>
      [...text(s.description).matchAll(/\]\(command:([\w.]+)\)/g)].map((m) => m[1]),
    );
    assert.ok(linked.length >= WALKTHROUGH_STEPS.length);
    for (const command of linked) assert.ok(known.has(command), command);
  });

  it('ships every step its media', () => {
    for (const s of walkthrough.steps) {
      const file = path.join(root, s.media.markdown ?? '');
      assert.ok(fs.existsSync(file), file);
      assert.match(fs.readFileSync(file, 'utf8'), /^# \S/, `${file} starts with a heading`);
    }
  });
});
