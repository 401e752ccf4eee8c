import { BACK, type Back, type StepPosition } from './userInput';

/** One question of a flow of several, asked at its position; BACK returns to the one before. */
export type WizardStep = (at: StepPosition) => Promise<Back | void>;

/**
 * A person pressing Back and then answering again moves one step each time: this many moves is
 * no real use, and stops a step that answers BACK without asking from looping forever.
 */
const MOST_MOVES = 1000;

/**
 * Asks `steps` in order, each shown as "k/N"; Back on a step asks the one before again (Back on
 * the first has no button: it stays). Each step keeps its answer in the flow's own variables, so
 * an answer given before is there when the user comes back to it.
 */
export async function runWizard(steps: readonly WizardStep[]): Promise<void> {
  let i = 0;
  for (let moves = 0; i < steps.length; moves++) {
    if (moves >= MOST_MOVES) throw new Error(`Stopped after ${MOST_MOVES} steps back and forth.`);
    const answer = await steps[i]({ step: i + 1, of: steps.length });
    i = answer === BACK ? Math.max(0, i - 1) : i + 1;
  }
}
