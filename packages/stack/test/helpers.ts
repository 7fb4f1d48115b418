import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { RecordingLogger } from '@slipway/action-kit/lite';
import { detectStack, type Project, type Stack } from '../src/index.js';
import { REPO, makeTree, removeTree } from '../../../test/harness.js';

const schema = JSON.parse(readFileSync(join(REPO, 'docs', 'stack.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

/** Throws with every schema error when a document does not meet docs/stack.schema.json. */
export function assertValidStack(stack: unknown): void {
  if (!validate(stack)) throw new Error(`stack does not meet its schema:\n${JSON.stringify(validate.errors, null, 2)}`);
}

/** Detects over a temporary tree made from a table of files; the tree is removed afterwards. */
export async function detectFiles(
  files: Record<string, string | Buffer>,
  options: { exclude?: string[]; maxFiles?: number } = {},
): Promise<{ stack: Stack; log: RecordingLogger }> {
  const root = makeTree(files);
  const log = new RecordingLogger();
  try {
    const stack = await detectStack({ root, logger: log, ...options });
    assertValidStack(stack);
    return { stack, log };
  } finally {
    removeTree(root);
  }
}

/** The project at a path, failing the test when there is none. */
export function projectAt(stack: Stack, path: string): Project {
  const p = stack.projects.find((x) => x.path === path);
  if (!p)
    throw new Error(`no project at ${path}; projects: ${stack.projects.map((x) => x.path).join(', ') || '(none)'}`);
  return p;
}
