import { statSync } from 'node:fs';
import { isUserError, readUserFile, type Logger } from '@slipway/action-kit/lite';
import { LockfileError, type LockedPackage, type parserFor, type LockfileWarning } from '@slipway/lockfiles';
import type { Finding } from './types.js';
import { auditWorkflowAndActions } from './workflows/audit.js';
import type { ActionReference } from './workflows/known-vulnerable.js';
import { WorkflowError } from './workflows/context.js';

/**
 * GitHub refuses a workflow file much past this size, and the YAML parser's time grows with it:
 * a larger file is not audited, with a warning naming it.
 */
const MAX_WORKFLOW_BYTES = 1024 * 1024;

/** True (after a warning naming the file) when a workflow file is too large to audit. */
export function tooLargeWorkflow(path: string, size: number, logger: Logger): boolean {
  if (size <= MAX_WORKFLOW_BYTES) return false;
  logger.warning(
    `${path} is ${size} bytes, more than the ${MAX_WORKFLOW_BYTES} bytes of a workflow file GitHub accepts; not audited`,
    { file: path, title: 'security-scan' },
  );
  return true;
}

/** A workflow file's text, or undefined (with a warning) when it is too large or cannot be read. */
export function readWorkflow(abs: string, path: string, logger: Logger): string | undefined {
  const size = statSync(abs, { throwIfNoEntry: false })?.size ?? 0;
  if (tooLargeWorkflow(path, size, logger)) return undefined;
  try {
    return readUserFile(abs, { maxBytes: MAX_WORKFLOW_BYTES, subject: { file: path }, what: 'the workflow' }).toString(
      'utf8',
    );
  } catch (err) {
    if (!isUserError(err)) throw err;
    logger.warning(`${err.message} Not audited.`, { file: path, title: 'security-scan' });
    return undefined;
  }
}

/** A lockfile's packages; one that does not parse is a warning with its file and line. */
export function parseOrWarn(
  parse: NonNullable<ReturnType<typeof parserFor>>,
  text: string,
  path: string,
  logger: Logger,
): LockedPackage[] {
  try {
    const warnings: LockfileWarning[] = [];
    const packages = parse(text, path, warnings);
    for (const w of warnings) logger.warning(w.message, { file: w.file, ...(w.line ? { startLine: w.line } : {}) });
    return packages;
  } catch (err) {
    const line = err instanceof LockfileError ? err.line : undefined;
    logger.warning(`${path} could not be read (${(err as Error).message}); the other lockfiles are still scanned`, {
      file: path,
      ...(line ? { startLine: line } : {}),
    });
    return [];
  }
}

/** A workflow's findings and the actions it uses; one that is not valid YAML is a warning with its file and line. */
export function auditOrWarn(
  text: string,
  path: string,
  logger: Logger,
  localActions?: ReadonlyMap<string, ReadonlySet<string>>,
): { findings: Finding[]; actions: ActionReference[] } {
  try {
    return auditWorkflowAndActions(text, path, localActions);
  } catch (err) {
    const line = (err as { line?: number }).line;
    // A workflow GitHub would reject says what is wrong itself ("not a valid workflow: …"); anything else is YAML the parser refused.
    const message = (err as Error).message;
    const what = err instanceof WorkflowError ? `is ${message}` : `is not valid YAML (${message})`;
    logger.warning(`${path} ${what}; not audited`, {
      file: path,
      ...(line ? { startLine: line } : {}),
    });
    return { findings: [], actions: [] };
  }
}
