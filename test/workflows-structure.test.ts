// What a linter cannot know about slipway's workflows: every slipway action they use exists, at
// the commit they pin, with every `with:` key one of its inputs and every required input given;
// a workflow that can be both called and dispatched offers the same inputs both ways.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { REPO } from './harness.js';

const FILES = ['.github/workflows', 'workflows-templates'].flatMap((dir) =>
  existsSync(join(REPO, dir))
    ? readdirSync(join(REPO, dir))
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => `${dir}/${f}`)
    : [],
);

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on?: Record<string, { inputs?: Record<string, unknown> } | null>;
  jobs: Record<string, { steps?: Step[] }>;
}
interface ActionMeta {
  inputs?: Record<string, { required?: boolean; default?: unknown }>;
}

/** `slipway/slipway/actions/<name>@<sha>` or `./actions/<name>`: the action and the commit it is pinned to. */
function slipwayAction(uses: string): { name: string; commit?: string } | undefined {
  const pinned = /^slipway\/slipway\/actions\/([\w-]+)@([0-9a-f]{40})$/.exec(uses);
  if (pinned) return { name: pinned[1]!, commit: pinned[2]! };
  const local = /^\.\/actions\/([\w-]+)$/.exec(uses);
  return local ? { name: local[1]! } : undefined;
}

/** The commit exists here (a clone with history). */
function hasCommit(commit: string): boolean {
  try {
    execFileSync('git', ['-C', REPO, 'cat-file', '-e', `${commit}^{commit}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The action's metadata at the pinned commit, or in the working tree for a local one. */
function metadataAt(name: string, commit?: string): ActionMeta {
  const text = commit
    ? execFileSync('git', ['-C', REPO, 'show', `${commit}:actions/${name}/action.yml`], { encoding: 'utf8' })
    : readFileSync(join(REPO, 'actions', name, 'action.yml'), 'utf8');
  return parse(text) as ActionMeta;
}

const uses = FILES.flatMap((file) => {
  const doc = parse(readFileSync(join(REPO, file), 'utf8')) as Workflow;
  return Object.entries(doc.jobs ?? {}).flatMap(([job, j]) =>
    (j.steps ?? []).flatMap((step, i) => {
      const action = step.uses ? slipwayAction(step.uses) : undefined;
      return action ? [{ where: `${file} job ${job} step ${i + 1}`, action, with: step.with ?? {} }] : [];
    }),
  );
});

describe("slipway's actions in slipway's workflows", () => {
  it('are used somewhere (the checks below would pass on nothing)', () => {
    expect(uses.length).toBeGreaterThan(0);
  });

  it.each(uses.filter((u) => u.action.commit))('$where: the pinned commit is in this repository', (u) => {
    expect(hasCommit(u.action.commit!)).toBe(true);
  });

  it.each(uses)('$where: every with: key is an input of the action, and every required input is given', (u) => {
    const meta = metadataAt(u.action.name, u.action.commit);
    const inputs = meta.inputs ?? {};
    expect(Object.keys(u.with).filter((k) => !(k in inputs))).toStrictEqual([]);
    const required = Object.entries(inputs)
      .filter(([, spec]) => spec.required && spec.default === undefined)
      .map(([k]) => k);
    expect(required.filter((k) => !(k in u.with))).toStrictEqual([]);
  });

  it("pin one commit of slipway's actions across all the workflows (a release re-pins them together)", () => {
    const commits = new Set(uses.filter((u) => u.action.commit).map((u) => u.action.commit));
    expect(commits.size).toBe(1);
  });
});

describe('workflows both called and dispatched', () => {
  const both = FILES.filter((file) => {
    const on = (parse(readFileSync(join(REPO, file), 'utf8')) as Workflow).on ?? {};
    return 'workflow_call' in on && 'workflow_dispatch' in on;
  });
  it.each(both)('%s offers the same inputs both ways', (file) => {
    const on = (parse(readFileSync(join(REPO, file), 'utf8')) as Workflow).on!;
    const called = Object.keys(on.workflow_call?.inputs ?? {}).sort();
    const dispatched = Object.keys(on.workflow_dispatch?.inputs ?? {}).sort();
    expect(dispatched).toStrictEqual(called);
    // GitHub takes at most 25 inputs on a workflow_dispatch.
    expect(dispatched.length).toBeLessThanOrEqual(25);
  });
});

describe("slipway's workflows calling slipway's workflows", () => {
  const calls = FILES.flatMap((file) => {
    const doc = parse(readFileSync(join(REPO, file), 'utf8')) as { jobs: Record<string, { uses?: string }> };
    return Object.entries(doc.jobs ?? {}).flatMap(([job, j]) => {
      const m = j.uses ? /^slipway\/slipway\/(\.github\/workflows\/[\w-]+\.yml)@([0-9a-f]{40})$/.exec(j.uses) : null;
      return m ? [{ where: `${file} job ${job}`, path: m[1]!, commit: m[2]! }] : [];
    });
  });

  it('are found (slipway-release.yml calls slipway-ci.yml and slipway-deploy.yml; every template calls one)', () => {
    const release = calls.filter((c) => c.where.startsWith('.github/workflows/slipway-release.yml'));
    expect(release.map((c) => c.path).sort()).toStrictEqual([
      '.github/workflows/slipway-ci.yml',
      '.github/workflows/slipway-deploy.yml',
    ]);
    for (const template of FILES.filter((f) => f.startsWith('workflows-templates/')))
      expect([template, calls.some((c) => c.where.startsWith(template))]).toStrictEqual([template, true]);
  });

  it.each(calls)('$where calls, at the commit it pins, the workflow as this tree holds it', (c) => {
    expect(hasCommit(c.commit)).toBe(true);
    const pinned = execFileSync('git', ['-C', REPO, 'show', `${c.commit}:${c.path}`], { encoding: 'utf8' });
    expect(pinned).toBe(readFileSync(join(REPO, c.path), 'utf8'));
  });
});
