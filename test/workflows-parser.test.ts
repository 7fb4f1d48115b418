// GitHub's own workflow parser (@actions/workflow-parser, the one behind the Actions language
// service) on slipway's workflows, with its cross-file check of reusable-workflow calls: a caller
// must pass every required input and secret of the workflow it calls, and nothing it does not declare.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { REPO } from './harness.js';

const FILES = ['.github/workflows', 'workflows-templates'].flatMap((dir) =>
  existsSync(join(REPO, dir))
    ? readdirSync(join(REPO, dir))
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => `${dir}/${f}`)
    : [],
);

/** slipway's reusable workflows, found by the references callers use (`slipway/slipway/.github/workflows/x.yml@ref`, `./.github/workflows/x.yml`). */
const provider = {
  getFileContent(ref: { path: string }): Promise<{ name: string; content: string }> {
    const path = ref.path.replace(/^\.\//, '');
    return Promise.resolve({ name: path, content: readFileSync(join(REPO, path), 'utf8') });
  },
};

/** Every error GitHub's parser reports for a workflow, the called workflows read as well. */
async function problems(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (!parsed.value) return errors;
  const template = await convertWorkflowTemplate(parsed.context, parsed.value, provider, {
    fetchReusableWorkflowDepth: 1,
  });
  return [...errors, ...(template.errors ?? []).map((e) => e.Message)];
}

/** A workflow of a user's that calls slipway-rollback.yml with these inputs and secrets. */
const caller = (inputs: string, secrets = ''): string => `name: incident
on: workflow_dispatch
permissions:
  contents: read
jobs:
  rollback:
    uses: slipway/slipway/.github/workflows/slipway-rollback.yml@${'a'.repeat(40)}
    permissions:
      contents: read
      deployments: write
    with:
${inputs}${secrets ? `    secrets:\n${secrets}` : ''}`;

describe("GitHub's workflow parser", () => {
  it.each(FILES)('accepts %s', async (file) => {
    expect(await problems(file, readFileSync(join(REPO, file), 'utf8'))).toStrictEqual([]);
  });

  it('accepts a call of slipway-rollback.yml that passes what it requires', async () => {
    expect(
      await problems(
        'caller.yml',
        caller('      environment: production\n', '      notify-webhook: ${{ secrets.SLACK }}\n'),
      ),
    ).toStrictEqual([]);
  });

  it.each([
    [
      'without the required environment',
      caller('      reason: test\n'),
      /Input environment is required, but not provided/,
    ],
    [
      'with an input it does not declare',
      caller('      environment: production\n      region: eu\n'),
      /Invalid input, region is not defined/,
    ],
    [
      'with a secret it does not declare',
      caller('      environment: production\n', '      token: ${{ secrets.X }}\n'),
      /Invalid secret, token is not defined/,
    ],
  ])('refuses a call of slipway-rollback.yml %s', async (_what, content, message) => {
    const found = await problems('caller.yml', content);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toMatch(message);
  });
});
