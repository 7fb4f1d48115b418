import type { Node } from 'yaml';
import type { Severity } from '../types.js';
import { actionOf, isLocalUses, where, type AuditContext, type Step } from './context.js';
import { expressions, resultPaths, taintOf } from './expressions.js';

/** Inputs of well-known actions that run their value as code. */
const CODE_INPUTS: Record<string, string[]> = {
  'actions/github-script': ['script'],
  'azure/cli': ['inlinescript'],
  'azure/powershell': ['inlinescript'],
  'mikefarah/yq': ['cmd'],
};

/** The step's code sinks: `run:` and the code inputs of the actions above. */
function sinks(ctx: AuditContext, step: Step): Array<{ node: Node; what: string }> {
  const t = ctx.tree;
  const out: Array<{ node: Node; what: string }> = [];
  const run = t.get(step.node, 'run');
  if (run) out.push({ node: run, what: 'a run: script' });
  const inputs = CODE_INPUTS[actionOf(step) ?? ''];
  if (inputs)
    for (const e of t.entries(t.get(step.node, 'with')))
      if (e.value && inputs.includes(e.key.toLowerCase()))
        out.push({ node: e.value, what: `the \`${e.key}\` input of ${actionOf(step)}` });
  // A composite action of this repository that pastes an input into its own run: scripts.
  const local = step.uses && isLocalUses(step.uses) ? ctx.localActions.get(localFolder(step.uses)) : undefined;
  if (local)
    for (const e of t.entries(t.get(step.node, 'with')))
      if (e.value && local.has(e.key.toLowerCase()))
        out.push({
          node: e.value,
          what: `the \`${e.key}\` input of ${step.uses}, which that action expands into a run: script`,
        });
  return out;
}

/** A local `uses: ./path/` as the folder it names, relative to the repository root. */
export function localFolder(uses: string): string {
  return uses.replace(/^[.$]\//, '').replace(/\/+$/, '');
}

/**
 * The inputs a composite action expands into its own code sinks (`run: echo ${{ inputs.name }}`),
 * lower case: what a caller passes to them runs as code.
 */
export function codeInputs(ctx: AuditContext): Set<string> {
  const out = new Set<string>();
  if (!ctx.isAction) return out;
  for (const job of ctx.jobs)
    for (const step of job.steps)
      for (const sink of sinks(ctx, step))
        for (const e of expressions(ctx.tree.str(sink.node) ?? ''))
          for (const path of resultPaths(e.body)) {
            const m = /^inputs\.([\w-]+)$/i.exec(path);
            if (m) out.add(m[1]!.toLowerCase());
          }
  return out;
}

/** The untrusted contexts an expression's value can carry, with their severity. */
function tainted(ctx: AuditContext, body: string): Array<{ path: string; severity: Severity }> {
  const out: Array<{ path: string; severity: Severity }> = [];
  for (const path of resultPaths(body)) {
    const taint = taintOf(path, ctx.safeInputs);
    if (taint === 'input') out.push({ path, severity: 'medium' });
    else if (taint === 'untrusted') out.push({ path, severity: ctx.privileged ? 'critical' : 'high' });
  }
  return out;
}

/** template-injection: outsider-controlled `${{ }}` pasted into code. */
export function auditTemplateInjection(ctx: AuditContext): void {
  for (const job of ctx.jobs)
    for (const step of job.steps)
      for (const sink of sinks(ctx, step)) {
        const body = ctx.tree.str(sink.node);
        if (!body) continue;
        for (const e of expressions(body))
          for (const { path, severity } of tainted(ctx, e.body))
            ctx.add(
              'template-injection',
              ctx.tree.lineOf(sink.node, e.raw),
              `\`${path}\` is expanded into ${sink.what} in ${where(step)}; whoever controls it can run commands. Pass it through \`env:\` instead.`,
              `${step.key}:${path}`,
              severity,
            );
      }
}

const WRITES_ENV = /(GITHUB_ENV|GITHUB_PATH|GITHUB_OUTPUT)\b/;

/** Names of `env:` variables (step, job, workflow) whose value carries an untrusted context. */
function taintedEnv(ctx: AuditContext, step: Step): Set<string> {
  const t = ctx.tree;
  const names = new Set<string>();
  for (const scope of [ctx.root, step.job.node, step.node])
    for (const e of t.entries(t.get(scope, 'env'))) {
      const value = t.str(e.value) ?? '';
      if (expressions(value).some((x) => tainted(ctx, x.body).some((p) => p.severity !== 'medium'))) names.add(e.key);
    }
  return names;
}

/** github-env: outsider data (directly or through `env:`) written to GITHUB_ENV/PATH/OUTPUT. */
export function auditGithubEnv(ctx: AuditContext): void {
  for (const job of ctx.jobs)
    for (const step of job.steps) {
      const run = ctx.tree.get(step.node, 'run');
      const script = ctx.tree.str(run);
      if (!script || !WRITES_ENV.test(script)) continue;
      const vars = taintedEnv(ctx, step);
      for (const line of script.split('\n')) {
        const file = WRITES_ENV.exec(line)?.[1];
        if (!file) continue;
        const direct = expressions(line).some((x) => tainted(ctx, x.body).some((p) => p.severity !== 'medium'));
        const viaEnv = [...line.matchAll(/\$(?:env:|\{)?([A-Za-z_]\w*)/g)].find((m) => vars.has(m[1]!))?.[1];
        // On pull_request_target and workflow_run, files and command output come from the outsider's
        // code or artifacts (`$(cat pr/title.txt)`): written to GITHUB_ENV/PATH they set variables too.
        const fromFiles = ctx.privileged && file !== 'GITHUB_OUTPUT' && /\$\(|`|<\s*\S|\bcat\b/.test(line);
        if (!direct && !viaEnv && !fromFiles) continue;
        ctx.add(
          'github-env',
          ctx.tree.lineOf(run, line.trim()),
          `${where(step)} writes outsider data${viaEnv ? ` (\`$${viaEnv}\`)` : ''} to \`${file}\`; a newline in it sets any variable for the later steps.`,
          `${step.key}:${file}:${viaEnv ?? 'expr'}`,
          file === 'GITHUB_OUTPUT' ? 'medium' : 'high',
        );
      }
    }
}
