import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { UserError } from '@slipway/action-kit/lite';
import { fingerprint } from '../fingerprint.js';
import type { Finding, Severity } from '../types.js';
import { rule, type RuleId } from './rules.js';
import type { YamlTree } from './yaml-tree.js';

/** A workflow that parses as YAML but is not one GitHub would run: the caller warns with its line. */
export class WorkflowError extends UserError {
  constructor(
    message: string,
    file: string,
    readonly line: number,
  ) {
    super(message, { file, line }, 'Fix the workflow: GitHub rejects it as it is.');
  }
}

/** One step, with the names a finding uses for it. */
export interface Step {
  job: Job;
  node: Node;
  index: number;
  /** `name`, `id`, or its position: what a reader finds it by. */
  label: string;
  /** Stable key for fingerprints. */
  key: string;
  /** `uses:` trimmed (a block scalar keeps a newline), if any. */
  uses?: string;
  usesNode?: Node;
}

/** One job (or a composite action's steps, as a pseudo-job). */
export interface Job {
  id: string;
  node: Node;
  keyNode: Node;
  steps: Step[];
}

/** What the audits share: the tree, the triggers, the jobs and the list findings go into. */
export class AuditContext {
  readonly findings: Finding[] = [];
  private readonly seen = new Set<string>();
  readonly isAction: boolean;
  readonly root: Node;
  /** Trigger name → the node naming it. */
  readonly triggers = new Map<string, Node>();
  /** Dispatch and workflow_call inputs of type boolean, number or choice (lower case). */
  readonly safeInputs = new Set<string>();
  readonly jobs: Job[] = [];

  constructor(
    readonly tree: YamlTree,
    readonly file: string,
    /**
     * The repository's own composite actions, by folder (`.github/actions/greet`), with the inputs
     * each expands into code: a step that passes outsider data to one of them is an injection.
     */
    readonly localActions: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
  ) {
    this.isAction = /(^|\/)action\.ya?ml$/.test(file);
    const root = tree.node(tree.doc.contents);
    if (!root || (isScalar(root) && (root.value === null || root.value === ''))) this.fail('the file is empty', root);
    if (!isMap(root)) this.fail('the top level must be a mapping', root);
    this.root = root!;
    if (this.isAction) this.readAction();
    else this.readWorkflow();
  }

  /** Throws the error that makes the caller warn, naming the line. */
  fail(what: string, node: unknown): never {
    throw new WorkflowError(
      `not a valid ${this.isAction ? 'action' : 'workflow'}: ${what}`,
      this.file,
      this.tree.line(node),
    );
  }

  private readWorkflow(): void {
    const t = this.tree;
    const on = t.get(this.root, 'on') ?? t.get(this.root, 'true');
    if (!on) this.fail('`on:` is missing', this.root);
    if (isScalar(on)) this.triggers.set(String(on.value), on);
    else if (isSeq(on)) for (const i of t.items(on)) this.triggers.set(t.text(i) ?? '', i);
    else if (isMap(on)) for (const e of t.entries(on)) this.triggers.set(e.key, e.keyNode);
    else this.fail('`on:` must be an event, a list or a mapping', on);
    for (const event of ['workflow_dispatch', 'workflow_call'])
      for (const input of t.entries(t.get(t.get(on, event), 'inputs')))
        if (/^(boolean|number|choice)$/.test(t.text(t.get(input.value, 'type')) ?? ''))
          this.safeInputs.add(input.key.toLowerCase());
    const jobs = t.get(this.root, 'jobs');
    if (!isMap(jobs)) this.fail('`jobs:` must be a mapping of job ids to jobs', jobs ?? this.root);
    for (const e of t.entries(jobs)) {
      if (!isMap(e.value)) this.fail(`job \`${e.key}\` must be a mapping`, e.value ?? e.keyNode);
      const job: Job = { id: e.key, node: e.value, keyNode: e.keyNode, steps: [] };
      const uses = t.get(e.value, 'uses');
      if (uses && t.str(uses) === undefined) this.fail(`\`uses:\` of job \`${e.key}\` must be a string`, uses);
      this.readSteps(job, t.get(e.value, 'steps'));
      this.jobs.push(job);
    }
  }

  private readAction(): void {
    const runs = this.tree.get(this.root, 'runs');
    if (runs && !isMap(runs)) this.fail('`runs:` must be a mapping', runs);
    const job: Job = { id: 'composite action', node: runs ?? this.root, keyNode: this.root, steps: [] };
    this.readSteps(job, this.tree.get(runs, 'steps'));
    this.jobs.push(job);
  }

  private readSteps(job: Job, steps: Node | undefined): void {
    const t = this.tree;
    if (steps === undefined) return;
    if (!isSeq(steps)) this.fail(`\`steps:\` of \`${job.id}\` must be a list`, steps);
    t.items(steps).forEach((node, index) => {
      if (!isMap(node)) this.fail(`step ${index + 1} of \`${job.id}\` must be a mapping`, node);
      const name = t.text(t.get(node, 'name'));
      const id = t.text(t.get(node, 'id'));
      const usesNode = t.get(node, 'uses');
      const uses = t.str(usesNode)?.trim();
      if (usesNode && !uses) this.fail(`\`uses:\` of step ${index + 1} in \`${job.id}\` must be a string`, usesNode);
      job.steps.push({
        job,
        node,
        index,
        label: name ? `"${name}"` : id ? `"${id}"` : `#${index + 1}`,
        key: `${job.id}/${id ?? name ?? index}`,
        ...(uses ? { uses, usesNode } : {}),
      });
    });
  }

  /** True when a trigger runs with secrets and a write token on outsiders' events. */
  get privileged(): boolean {
    return this.triggers.has('pull_request_target') || this.triggers.has('workflow_run');
  }

  /**
   * Records a finding once per fingerprint (a context named twice in one script is one finding).
   * `line` is a node or a line number.
   */
  add(id: RuleId, at: unknown, message: string, key: string, severity?: Severity): void {
    const r = rule(id, severity);
    const fp = fingerprint(r.id, this.file, key);
    if (this.seen.has(fp)) return;
    this.seen.add(fp);
    this.findings.push({
      scanner: 'workflows',
      rule: r,
      severity: r.severity,
      message,
      file: this.file,
      line: typeof at === 'number' ? at : this.tree.line(at),
      fingerprint: fp,
    });
  }
}

/** How a finding names where it is: `job build, step "Test"`. */
export function where(step: Step): string {
  return step.job.id === 'composite action'
    ? `composite action step ${step.label}`
    : `job ${step.job.id}, step ${step.label}`;
}

/**
 * Whether a `uses:` names an action of the workflow's own repository: `./path`, or GitHub's newer
 * `$/path` (the same files at the same commit, so nothing to pin).
 */
export function isLocalUses(uses: string): boolean {
  return uses.startsWith('./') || uses.startsWith('$/');
}

/** The action a `uses:` names, lower case, without ref or subpath: `actions/checkout`. */
export function actionOf(step: Step): string | undefined {
  if (!step.uses || isLocalUses(step.uses) || step.uses.startsWith('docker://')) return undefined;
  const [owner, repo] = step.uses.split('@')[0]!.split('/');
  return `${owner}/${repo}`.toLowerCase();
}

/** `in job X, step Y` for a node inside a step, `in job X` inside a job, else ''. */
export function placeOf(ctx: AuditContext, node: unknown): string {
  const step = ctx.jobs.flatMap((j) => j.steps).find((s) => inside(s.node, node));
  if (step) return ` in ${where(step)}`;
  const job = ctx.jobs.find((j) => inside(j.node, node));
  return job ? ` in job ${job.id}` : '';
}

/** True when `inner`'s source lies within `outer`'s. */
function inside(outer: unknown, inner: unknown): boolean {
  const o = (outer as { range?: number[] }).range;
  const i = (inner as { range?: number[] }).range;
  return !!o && !!i && i[0]! >= o[0]! && i[0]! < o[2]!;
}
