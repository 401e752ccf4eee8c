import * as fs from 'fs';
import * as path from 'path';
import { kindOfFileName } from '../core/policy/documentKinds';
import { fromWorkspacePath, type WorkspaceFileIdentity } from '../core/policy/documentUri';
import { CliError } from './args';

/**
 * The package root (where `package.json` and `schemas/` are): found upwards from this module, so it
 * works from `src/cli` under tsx and from the bundled `dist/cli.js` alike.
 */
export function packageRoot(from: string = __dirname): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (
      fs.existsSync(path.join(dir, 'package.json')) &&
      fs.existsSync(path.join(dir, 'schemas', 'common.schema.json'))
    )
      return dir;
    if (path.dirname(dir) === dir)
      throw new Error(`Cannot find the package's schemas/ folder above ${from}.`);
  }
}

/** The package's version, from its package.json. */
export function packageVersion(): string {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8'),
  ) as { version?: string };
  return manifest.version ?? 'unknown';
}

/** A file as the user named it (the argument, or the argument joined with the path below it) and its absolute path. */
export interface FoundFile {
  readonly display: string;
  readonly absolute: string;
}

/** Folders a walk never enters. */
const SKIPPED = new Set(['node_modules', '.git']);

/** Every policy document (a name ending in an `.xta-*.json` suffix) below a folder, sorted. */
export function documentsUnder(folder: string): FoundFile[] {
  const found: FoundFile[] = [];
  const walk = (display: string, absolute: string): void => {
    const entries = fs
      .readdirSync(absolute, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const childDisplay = path.join(display, entry.name);
      const childAbsolute = path.join(absolute, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) walk(childDisplay, childAbsolute);
      } else if (entry.isFile() && kindOfFileName(entry.name)) {
        found.push({ display: childDisplay, absolute: childAbsolute });
      }
    }
  };
  walk(folder, path.resolve(folder));
  return found;
}

/** Files named on the command line: folders are searched for documents, files are taken as they are. */
export function expandArguments(args: readonly string[]): FoundFile[] {
  return args.flatMap((arg) => {
    const stat = statOrUndefined(arg);
    if (!stat) throw new CliError(`${arg}: no such file or folder.`);
    return stat.isDirectory()
      ? documentsUnder(arg)
      : [{ display: arg, absolute: path.resolve(arg) }];
  });
}

export function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Far above what any document can hold (the whole policy is capped at 25 KB): such a file is refused
 * before it is read, so a mistaken 50 MB file costs nothing.
 */
const MAX_FILE_BYTES = 1024 * 1024;

/** A document's text; a UTF-8 byte order mark (Windows editors write one) is not part of the JSON. */
export function readText(file: FoundFile): string {
  const size = statOrUndefined(file.absolute)?.size ?? 0;
  if (size > MAX_FILE_BYTES)
    throw new CliError(
      `${file.display}: ${(size / 1024 / 1024).toFixed(1)} MB is far more than a cross-tenant document can hold (Graph allows 25 KB for the whole policy); not read.`,
    );
  try {
    return fs.readFileSync(file.absolute, 'utf8').replace(/^\uFEFF/, '');
  } catch (err) {
    throw new CliError(
      `${file.display}: cannot read it (${err instanceof Error ? err.message : String(err)}).`,
    );
  }
}

/** Where a file belongs by the export layout: its tenant folder, kind and partner; undefined when its path does not follow the layout. */
export function layoutIdentity(file: FoundFile): WorkspaceFileIdentity | undefined {
  return fromWorkspacePath(file.absolute);
}

/** The folder that holds a layout file's tenant folder contents (`<tenant>/`), as the user would name it. */
export function tenantFolderOf(file: FoundFile, identity: WorkspaceFileIdentity): string {
  const up = identity.kind === 'policy' || identity.kind === 'default' ? 1 : 2;
  let folder = file.display;
  for (let i = 0; i < up; i++) folder = path.dirname(folder);
  return folder;
}
