import type { Diagnostic } from './diagnostic';

/**
 * The findings VS Code's JSON service lists in Problems itself, whatever the schema: its parser
 * reports syntax errors (as errors) and duplicate keys (as warnings). Our checks give them the same
 * severities and leave them out of Problems, so each finding is listed once; everything else our
 * checks find is listed by us alone (the editor schemas judge nothing: see editorSchema.ts).
 */
export function listedByJsonService(diagnostic: Diagnostic): boolean {
  return diagnostic.code === 'syntax' || diagnostic.code === 'duplicate-key';
}
