import { checkDocument } from '../../core/policy/checkDocument';
import type { Diagnostic } from '../../core/policy/diagnostic';
import { ALL_DOCUMENT_KINDS, kindOfFileName } from '../../core/policy/documentKinds';
import { PolicySchemas } from '../../core/policy/policySchemas';
import { CliError } from '../args';
import type { CliContext, CommandResult } from '../cliContext';
import { expandArguments, layoutIdentity, packageRoot, readText } from '../files';
import { plural } from '../../core/plural';

interface FileReport {
  readonly file: string;
  readonly kind?: string;
  readonly diagnostics: {
    severity: string;
    code: string;
    message: string;
    line: number;
    character: number;
    endLine: number;
    endCharacter: number;
  }[];
}

/**
 * `validate <file|dir>...`: the editor's checks (JSON schema of the kind, then the semantic rules)
 * on each document; folders are searched for `*.xta-*.json`. Problems print as
 * `file:line:column: severity: message [code]`. Exit 1 when any error, 0 with warnings only.
 */
export function validateCommand(ctx: CliContext): CommandResult {
  if (ctx.args.positionals.length === 0)
    throw new CliError('Usage: cross-tenant validate <file|dir>...');
  const files = expandArguments(ctx.args.positionals);
  if (files.length === 0)
    throw new CliError(`No policy documents (*.xta-*.json) in ${ctx.args.positionals.join(', ')}.`);
  const schemas = PolicySchemas.load(packageRoot());
  const reports: FileReport[] = [];
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const kind = kindOfFileName(file.absolute);
    if (!kind) {
      const suffixes = ALL_DOCUMENT_KINDS.map((entry) => entry.suffix).join(', ');
      reports.push({
        file: file.display,
        diagnostics: [
          {
            severity: 'error',
            code: 'unknown-kind',
            message: `Not a policy document: the file name must end in one of ${suffixes}.`,
            line: 1,
            character: 1,
            endLine: 1,
            endCharacter: 1,
          },
        ],
      });
      ctx.print(
        `${file.display}: error: Not a policy document: the file name must end in one of ${suffixes}.`,
      );
      errors++;
      continue;
    }
    const partnerTenantId = layoutIdentity(file)?.partnerTenantId;
    const diagnostics = checkDocument(kind.id, readText(file), {
      schemas,
      ...(partnerTenantId ? { expectedTenantId: partnerTenantId } : {}),
    });
    reports.push({ file: file.display, kind: kind.id, diagnostics: diagnostics.map(toJson) });
    for (const d of diagnostics) {
      if (d.severity === 'error') errors++;
      if (d.severity === 'warning') warnings++;
      ctx.print(
        `${file.display}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity}: ${d.message} [${d.code}]`,
      );
    }
  }
  ctx.print(
    `${plural(files.length, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`,
  );
  return { code: errors > 0 ? 1 : 0, json: { ok: errors === 0, errors, warnings, files: reports } };
}

function toJson(d: Diagnostic): FileReport['diagnostics'][number] {
  return {
    severity: d.severity,
    code: d.code,
    message: d.message,
    line: d.range.start.line + 1,
    character: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endCharacter: d.range.end.character + 1,
  };
}
