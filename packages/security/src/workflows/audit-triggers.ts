import type { Node } from 'yaml';
import { actionOf, where, type AuditContext, type Job } from './context.js';
import { expressions } from './expressions.js';

const DANGEROUS = ['pull_request_target', 'workflow_run', 'issue_comment'];
/** A checkout `ref:` that names the pull request's code. */
const PR_REF =
  /github\.event\.pull_request\.(?:head\.(?:sha|ref)|merge_commit_sha)|github\.head_ref|github\.event\.workflow_run\.head_(?:sha|branch)|refs\/pull\/|github\.event\.issue\.number/;
/** A script that fetches or checks out the pull request's code. */
const PR_RUN =
  /\bgh\s+pr\s+checkout\b|\bgit\s+fetch\b[^\n]*\bpull\/|\bgit\s+(?:checkout|switch)\b[^\n]*(?:head_ref|pull_request\.head)/;

/** The first step of a job that checks out or fetches the pull request's code. */
function runsPrCode(ctx: AuditContext, job: Job): { node: Node; label: string; key: string } | undefined {
  const t = ctx.tree;
  for (const step of job.steps) {
    if (actionOf(step) === 'actions/checkout') {
      const ref = t.text(t.get(t.get(step.node, 'with'), 'ref')) ?? '';
      if (PR_REF.test(ref)) return { node: step.usesNode!, label: `${where(step)} (\`ref: ${ref}\`)`, key: step.key };
    }
    const run = t.get(step.node, 'run');
    if (PR_RUN.test(t.str(run) ?? '')) return { node: run!, label: where(step), key: step.key };
  }
  return undefined;
}

/** dangerous-trigger: privileged triggers, critical where a job runs the pull request's code. */
export function auditDangerousTriggers(ctx: AuditContext): void {
  const present = DANGEROUS.filter((d) => ctx.triggers.has(d));
  if (!present.length) return;
  let checkedOut = false;
  for (const job of ctx.jobs) {
    const hit = runsPrCode(ctx, job);
    if (!hit) continue;
    checkedOut = true;
    ctx.add(
      'dangerous-trigger',
      hit.node,
      `${present.join('/')} checks out untrusted code in ${hit.label}, with the repository's secrets and a write token.`,
      `${hit.key}:checkout`,
      'critical',
    );
  }
  if (checkedOut) return;
  for (const trigger of present)
    ctx.add(
      'dangerous-trigger',
      ctx.triggers.get(trigger),
      `\`${trigger}\` runs with secrets and a write token on events outsiders cause; make sure no job runs their code or pastes their data into scripts.`,
      `trigger:${trigger}`,
    );
}

/** self-hosted-runner: self-hosted machines running `pull_request` jobs. */
export function auditSelfHostedRunners(ctx: AuditContext): void {
  if (!ctx.triggers.has('pull_request') && !ctx.triggers.has('pull_request_target')) return;
  const t = ctx.tree;
  for (const job of ctx.jobs) {
    const runsOn = t.get(job.node, 'runs-on');
    const labels = [runsOn, t.get(runsOn, 'labels'), t.get(runsOn, 'group')].flatMap((n) =>
      t.str(n) !== undefined ? [t.str(n)!] : t.items(n).map((i) => t.text(i) ?? ''),
    );
    if (labels.some((l) => /^self-hosted$/i.test(l.trim())))
      ctx.add(
        'self-hosted-runner',
        runsOn,
        `Job ${job.id} runs pull request code on a self-hosted runner.`,
        `${job.id}:self-hosted`,
      );
  }
}

const SPOOFABLE_BOT =
  /\bgithub\.(?:actor|triggering_actor)\s*==\s*'[^']*\[bot\]'|'[^']*\[bot\]'\s*==\s*github\.(?:actor|triggering_actor)\b/i;

/** bot-conditions: `if:` trusting `github.actor` to be a bot. */
export function auditBotConditions(ctx: AuditContext): void {
  const t = ctx.tree;
  const check = (node: unknown, place: string, key: string): void => {
    const cond = t.str(node);
    if (!cond) return;
    const body = cond.includes('${{')
      ? expressions(cond)
          .map((e) => e.body)
          .join(' ')
      : cond;
    if (SPOOFABLE_BOT.test(body))
      ctx.add(
        'bot-conditions',
        node,
        `The \`if:\` of ${place} trusts \`github.actor\` to be a bot; anyone can make the bot the actor.`,
        `${key}:if`,
        ctx.privileged ? 'high' : 'medium',
      );
  };
  for (const job of ctx.jobs) {
    check(t.get(job.node, 'if'), `job ${job.id}`, job.id);
    for (const step of job.steps) check(t.get(step.node, 'if'), where(step), step.key);
  }
}
