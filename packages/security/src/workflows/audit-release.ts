import { actionOf, where, type AuditContext, type Job, type Step } from './context.js';

/** A step that publishes a release, package or image. */
const PUBLISHES =
  /\b(npm|pnpm|yarn)\s+publish\b|\btwine\s+upload\b|\bcargo\s+publish\b|\bgem\s+push\b|\bdocker\s+push\b|\bgh\s+release\s+(create|upload)\b|\bgoreleaser\b/;
const PUBLISH_ACTIONS =
  /^(pypa\/gh-action-pypi-publish|softprops\/action-gh-release|goreleaser\/goreleaser-action|docker\/build-push-action|rubygems\/release-gem|changesets\/action)$/;

function publishes(ctx: AuditContext, job: Job): boolean {
  return job.steps.some(
    (s) => PUBLISH_ACTIONS.test(actionOf(s) ?? '') || PUBLISHES.test(ctx.tree.str(ctx.tree.get(s.node, 'run')) ?? ''),
  );
}

/** A workflow that exists to release: on `release`, or on pushed tags. */
function releaseWorkflow(ctx: AuditContext): boolean {
  if (ctx.triggers.has('release')) return true;
  const on = ctx.tree.get(ctx.root, 'on');
  return ctx.tree.get(ctx.tree.get(on, 'push'), 'tags') !== undefined;
}

/** The step restores a cache: actions/cache(/restore), or a setup action with caching on. */
function restoresCache(ctx: AuditContext, step: Step): boolean {
  const t = ctx.tree;
  const action = actionOf(step) ?? '';
  if (action === 'actions/cache') return !/\/save$/.test(step.uses!.split('@')[0]!);
  if (!/^actions\/setup-(node|python|java|go|dotnet)$/.test(action)) return false;
  const cache = t.text(t.get(t.get(step.node, 'with'), 'cache'))?.trim();
  if (action === 'actions/setup-go') return cache !== 'false';
  return !!cache && cache !== 'false';
}

/** cache-poisoning: caches restored where releases are built. */
export function auditCachePoisoning(ctx: AuditContext): void {
  const release = releaseWorkflow(ctx);
  for (const job of ctx.jobs) {
    if (!release && !publishes(ctx, job)) continue;
    for (const step of job.steps)
      if (restoresCache(ctx, step))
        ctx.add(
          'cache-poisoning',
          step.usesNode,
          `${where(step)} restores a cache in a job that ${release ? 'runs for a release' : 'publishes'}; a poisoned cache ends up in what is shipped.`,
          `${step.key}:cache`,
        );
  }
}

/** unsound-contains: `contains('a b c', ctx)` tests a substring, not membership. */
export function auditUnsoundContains(ctx: AuditContext): void {
  const t = ctx.tree;
  const check = (node: unknown, place: string, key: string): void => {
    const cond = t.str(node);
    if (!cond) return;
    for (const m of cond.matchAll(/\bcontains\s*\(\s*'((?:[^']|'')*)'\s*,\s*([A-Za-z_][\w.-]*)\s*\)/gi))
      ctx.add(
        'unsound-contains',
        node,
        `The \`if:\` of ${place} tests \`${m[2]}\` as a substring of '${m[1]}', so a part of one entry passes too.`,
        `${key}:${m[2]}`,
      );
  };
  for (const job of ctx.jobs) {
    check(t.get(job.node, 'if'), `job ${job.id}`, job.id);
    for (const step of job.steps) check(t.get(step.node, 'if'), where(step), step.key);
  }
}
