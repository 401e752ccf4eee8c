import type { CheckContext } from '../checkContext';
import type { Diagnostic } from '../diagnostic';
import type { DocumentKind } from '../documentKinds';
import type { Node } from '../jsonTree';
import type { TextPositions } from '../textPositions';

export interface RuleContext {
  readonly kind: DocumentKind;
  /** The document's root; rules run only when it is an object and the text has no syntax errors. */
  readonly root: Node;
  readonly positions: TextPositions;
  readonly input: CheckContext;
}

/** A semantic check the schema cannot express. `code` is the code of every diagnostic it reports. */
export interface Rule {
  readonly code: string;
  check(context: RuleContext): Diagnostic[];
}
