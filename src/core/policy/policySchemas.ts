import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Diagnostic } from './diagnostic';
import { ALL_DOCUMENT_KINDS, DOCUMENT_KINDS, type DocumentKindId } from './documentKinds';
import { jsonValue, type Node } from './jsonTree';
import { schemaDiagnostics } from './schemaDiagnostics';
import type { TextPositions } from './textPositions';

/** Shared definitions the document schemas `$ref` as `common.schema.json#/definitions/…`. */
export const COMMON_SCHEMA_FILE = 'common.schema.json';

export interface SchemaProblem {
  /** JSON pointer of the offending value, '' for the document itself. */
  readonly instancePath: string;
  readonly keyword: string;
  readonly message: string;
}

/**
 * A schema with every object that lists `properties` and says nothing of `additionalProperties`
 * closed (`additionalProperties: false`). The files leave that out on purpose: VS Code's JSON
 * service would warn about every unknown property, also one Graph returned that the user cannot
 * fix; our own check reports them instead, as a warning or, for one Graph returned, a hint.
 */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, closed(value)]),
  );
  if ('properties' in out && !('additionalProperties' in out)) out.additionalProperties = false;
  return out;
}

/**
 * The JSON schemas shipped in `schemas/`, compiled with ajv (draft-07). VS Code's JSON language
 * service reads a version of the same files that only describes (completions, hovers: see
 * editorSchema.ts), so what is valid, and how bad a violation is, is said here alone.
 */
export class PolicySchemas {
  private constructor(private readonly validators: ReadonlyMap<DocumentKindId, ValidateFunction>) {}

  /**
   * Reads and compiles every schema under `<extensionRoot>/schemas`. The files carry no `$id`, so
   * VS Code resolves their relative `$ref`s against the file URL; ajv gets the same base here.
   */
  static load(extensionRoot: string): PolicySchemas {
    const folder = path.join(extensionRoot, 'schemas');
    const base = pathToFileURL(folder + path.sep).href;
    const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, validateFormats: false });
    for (const file of [COMMON_SCHEMA_FILE, ...ALL_DOCUMENT_KINDS.map((kind) => kind.schemaFile)]) {
      const schema = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as Record<
        string,
        unknown
      >;
      ajv.addSchema({ ...(closed(schema) as Record<string, unknown>), $id: base + file });
    }
    const validators = new Map<DocumentKindId, ValidateFunction>();
    for (const kind of ALL_DOCUMENT_KINDS)
      validators.set(kind.id, ajv.getSchema(base + kind.schemaFile)!);
    return new PolicySchemas(validators);
  }

  /** Validates a plain value, e.g. a documented request body. */
  validate(kind: DocumentKindId, value: unknown): SchemaProblem[] {
    return this.errors(kind, value).map((error) => ({
      instancePath: error.instancePath,
      keyword: error.keyword,
      message: error.message ?? error.keyword,
    }));
  }

  /**
   * Diagnostics positioned on the nodes of a parsed document. `startedFrom`: what the document
   * started from (live as Graph returned it), so an unknown property Graph returned is a hint.
   */
  check(
    kind: DocumentKindId,
    root: Node,
    positions: TextPositions,
    startedFrom?: object,
  ): Diagnostic[] {
    return schemaDiagnostics(this.errors(kind, jsonValue(root)), root, positions, {
      documentTitle: DOCUMENT_KINDS[kind].title,
      kind,
      ...(startedFrom ? { startedFrom } : {}),
    });
  }

  private errors(kind: DocumentKindId, value: unknown): ErrorObject[] {
    const validate = this.validators.get(kind)!;
    return validate(value) ? [] : [...(validate.errors ?? [])];
  }
}
