import { afterAll, describe, expect, it } from '@jest/globals';
import { RecordingLogger, type Exec } from '@slipway/action-kit/lite';
import { makeTree, removeTree } from '../../../test/harness.js';
import { scan } from '../src/index.js';
import { auditWorkflow, localCodeInputs } from '../src/workflows/audit.js';

// A composite action of the repository that pastes its `name` input into a script (and passes
// `title` safely through env:), and a workflow that hands it an issue's title.
const ACTION_RUNS_INPUT = `name: greet
inputs:
  name: { description: who }
  title: { description: what }
runs:
  using: composite
  steps:
    - shell: bash
      run: echo "Hello \${{ inputs.name }}"
    - shell: bash
      run: echo "$TITLE"
      env:
        TITLE: \${{ inputs.title }}
`;
const workflow = (input: string): string => `name: greet
on:
  issues:
    types: [opened]
permissions: {}
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - uses: ./.github/actions/greet
        with:
          ${input}: \${{ github.event.issue.title }}
`;

const noExec: Exec = () => Promise.reject(new Error('no command runs in this test'));

describe('outsider data passed to a composite action of the repository', () => {
  it("reads which inputs an action runs as code, by the action's folder", () => {
    const map = localCodeInputs(
      new Map([
        ['.github/actions/greet/action.yml', ACTION_RUNS_INPUT],
        ['.github/workflows/ci.yml', workflow('name')],
        ['broken/action.yml', 'runs: ['],
      ]),
    );
    expect([...map].map(([k, v]) => [k, [...v]])).toStrictEqual([['.github/actions/greet', ['name']]]);
  });

  it('is an injection into the input the action runs, and not into the one it passes through env', () => {
    const local = localCodeInputs(new Map([['.github/actions/greet/action.yml', ACTION_RUNS_INPUT]]));
    const vulnerable = auditWorkflow(workflow('name'), '.github/workflows/greet.yml', local);
    const injections = vulnerable.filter((f) => f.rule.id === 'workflow/template-injection');
    expect(injections.map((f) => [f.line, f.severity])).toStrictEqual([[12, 'high']]);
    expect(injections[0]!.message).toMatch(
      /github\.event\.issue\.title.*the `name` input of \.\/\.github\/actions\/greet, which that action expands into a run: script in job greet, step #1/,
    );
    // GitHub's newer `$/path` names the same action.
    const spelled = auditWorkflow(
      workflow('name').replace('uses: ./.github', 'uses: $/.github'),
      '.github/workflows/greet.yml',
      local,
    );
    expect(spelled.filter((f) => f.rule.id === 'workflow/template-injection').map((f) => f.line)).toStrictEqual([12]);
    const safe = auditWorkflow(workflow('title'), '.github/workflows/greet.yml', local);
    expect(safe.filter((f) => f.rule.id === 'workflow/template-injection')).toStrictEqual([]);
    // Without knowing the action, the step alone shows nothing.
    expect(
      auditWorkflow(workflow('name'), '.github/workflows/greet.yml').filter(
        (f) => f.rule.id === 'workflow/template-injection',
      ),
    ).toStrictEqual([]);
  });

  const root = makeTree({
    '.github/actions/greet/action.yml': ACTION_RUNS_INPUT,
    '.github/workflows/greet.yml': workflow('name'),
  });
  afterAll(() => removeTree(root));

  it('is found by a scan of the repository, across the two files', async () => {
    const r = await scan(
      { target: root, scanners: ['workflows'], osv: { kind: 'offline', path: root } },
      { exec: noExec, logger: new RecordingLogger() },
    );
    const injections = r.findings.filter((f) => f.rule.id === 'workflow/template-injection');
    // The action's own file is reported too: its input is pasted into code (medium, an input).
    expect(injections.map((f) => [f.file, f.line, f.severity]).sort()).toStrictEqual(
      [
        ['.github/actions/greet/action.yml', 9, 'medium'],
        ['.github/workflows/greet.yml', 12, 'high'],
      ].sort(),
    );
  });
});
