// action.yml is the single source of truth: generated files must match it, it must meet GitHub's
// schema, every input must be parsed and every output set; our workflows and the snippets in our
// READMEs must be valid and secure by default.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import AjvDraft7 from 'ajv';
import { parse } from 'yaml';
import { actionNames, renderAll } from '../scripts/action-docs.js';
import { REPO } from './harness.js';

const Ajv = AjvDraft7 as unknown as typeof AjvDraft7.default;
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const actionSchema = ajv.compile(JSON.parse(readFileSync(join(REPO, 'test/schemas/github-action.json'), 'utf8')));
const workflowSchema = ajv.compile(JSON.parse(readFileSync(join(REPO, 'test/schemas/github-workflow.json'), 'utf8')));

const read = (path: string): string => readFileSync(join(REPO, path), 'utf8');

/** Security rules for a workflow: top-level permissions, SHA-pinned actions, no expressions in run:. */
function auditWorkflow(doc: Record<string, unknown>, where: string): string[] {
  const problems: string[] = [];
  if (!doc.permissions) problems.push(`${where}: no top-level permissions`);
  if (doc.permissions === 'write-all') problems.push(`${where}: write-all permissions`);
  for (const [jobName, job] of Object.entries(
    (doc.jobs ?? {}) as Record<string, { steps?: Record<string, unknown>[] }>,
  )) {
    for (const step of job.steps ?? []) {
      const uses = step.uses as string | undefined;
      if (uses && !uses.startsWith('./') && !/@[0-9a-f]{40}$/.test(uses) && !uses.startsWith('slipway/slipway/'))
        problems.push(`${where}: ${jobName} uses ${uses} without a full SHA`);
      if (typeof step.run === 'string' && step.run.includes('${{'))
        problems.push(`${where}: ${jobName} interpolates an expression into run:`);
    }
  }
  return problems;
}

describe('generated from action.yml', () => {
  it('READMEs and metadata modules match action.yml (run npm run docs)', () => {
    for (const [path, expected] of renderAll(REPO)) expect(read(path)).toBe(expected);
  });

  for (const name of actionNames(REPO)) {
    describe(name, () => {
      const doc = parse(read(`actions/${name}/action.yml`)) as {
        runs: { using: string; main: string; post?: string };
        inputs?: object;
        outputs?: object;
      };
      it("meets GitHub's action metadata schema and runs the committed bundle on node24", () => {
        expect(actionSchema(doc) ? [] : actionSchema.errors).toStrictEqual([]);
        expect(doc.runs.using).toBe('node24');
        expect(doc.runs.main).toBe(`../../dist/${name}/index.js`);
        // A post step is the same bundle (runAction tells the two apart by the state main saved).
        if (doc.runs.post !== undefined) expect(doc.runs.post).toBe(doc.runs.main);
      });
      it('parses every input it declares and sets every output', () => {
        // The action's own sources, those of actions it shares parsers with, and the registries
        // of the packages it uses (provider settings are read from one list there).
        const deps = Object.keys(
          (JSON.parse(read(`actions/${name}/package.json`)) as { dependencies?: object }).dependencies ?? {},
        ).map((d) => d.replace('@slipway/', ''));
        const folders = [name, ...deps.filter((d) => d.endsWith('-action')).map((d) => d.replace(/-action$/, ''))];
        const registries = deps.map((d) => `packages/${d}/src/registry.ts`).filter((p) => existsSync(join(REPO, p)));
        const src = [
          ...folders.flatMap((f) =>
            readdirSync(join(REPO, 'actions', f, 'src'))
              .filter((file) => !file.includes('generated'))
              .map((file) => read(`actions/${f}/src/${file}`)),
          ),
          ...registries.map(read),
        ].join('\n');
        for (const input of Object.keys(doc.inputs ?? {})) expect(src).toContain(`'${input}'`);
        for (const output of Object.keys(doc.outputs ?? {})) expect(src).toContain(`set('${output}'`);
      });
    });
  }
});

describe('workflows', () => {
  const files = readdirSync(join(REPO, '.github/workflows')).filter((f) => /\.ya?ml$/.test(f));
  for (const file of files) {
    it(`.github/workflows/${file} is valid and secure by default`, () => {
      const doc = parse(read(`.github/workflows/${file}`)) as Record<string, unknown>;
      expect(workflowSchema(doc) ? [] : workflowSchema.errors).toStrictEqual([]);
      expect(auditWorkflow(doc, file)).toStrictEqual([]);
    });
  }

  for (const readme of ['README.md', ...actionNames(REPO).map((n) => `actions/${n}/README.md`)]) {
    it(`the workflow snippets in ${readme} are valid and secure by default`, () => {
      const snippets = [...read(readme).matchAll(/```yaml\n([\s\S]*?)```/g)]
        .map((m) => m[1]!)
        .filter((s) => /^jobs:/m.test(s));
      expect(snippets.length).toBeGreaterThan(0); // has a workflow snippet
      for (const snippet of snippets) {
        const doc = parse(snippet) as Record<string, unknown>;
        expect(workflowSchema(doc) ? [] : workflowSchema.errors).toStrictEqual([]);
        expect(auditWorkflow(doc, readme)).toStrictEqual([]);
      }
    });
  }

  it('the audit catches what it is meant to catch', () => {
    const bad = {
      on: 'push',
      jobs: { j: { steps: [{ uses: 'actions/checkout@v4' }, { run: 'echo ${{ github.event.issue.title }}' }] } },
    };
    expect(auditWorkflow(bad, 'bad').length).toBe(3);
  });
});
