import { actionOf, where, type AuditContext, type Step } from './context.js';

/** Steps that can carry the workspace (and `.git/config`) away: artifacts, pages, images, archives. */
function exposes(ctx: AuditContext, step: Step): boolean {
  const action = actionOf(step) ?? '';
  if (/^actions\/upload-(pages-)?artifact$|^docker\/build-push-action$/.test(action)) return true;
  return /\b(docker\s+build|tar\s+-?c|zip\s+-r)\b/.test(ctx.tree.str(ctx.tree.get(step.node, 'run')) ?? '');
}

/** persisted-credentials: every checkout that leaves the token in `.git/config`. */
export function auditPersistedCredentials(ctx: AuditContext): void {
  const t = ctx.tree;
  for (const job of ctx.jobs)
    job.steps.forEach((step, i) => {
      if (actionOf(step) !== 'actions/checkout') return;
      if (t.text(t.get(t.get(step.node, 'with'), 'persist-credentials')) === 'false') return;
      const later = job.steps.slice(i + 1).find((s) => exposes(ctx, s));
      ctx.add(
        'persisted-credentials',
        step.usesNode,
        later
          ? `${where(step)} keeps the token in .git/config and ${where(later).replace(/^job \S+, /, '')} can carry it away.`
          : `${where(step)} keeps the token in .git/config for every later step.`,
        `${step.key}:persist`,
        later ? 'medium' : 'low',
      );
    });
}
