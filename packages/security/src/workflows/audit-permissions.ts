import { isMap } from 'yaml';
import type { AuditContext } from './context.js';

/** Scopes whose write access lets a job change code, releases, packages or identity. */
const SENSITIVE =
  /^(contents|id-token|packages|actions|deployments|pull-requests|issues|statuses|checks|security-events|attestations|pages|discussions|repository-projects)$/;

/** excessive-permissions: judged per job against the workflow-level grant. */
export function auditPermissions(ctx: AuditContext): void {
  if (ctx.isAction) return;
  const t = ctx.tree;
  const top = t.get(ctx.root, 'permissions');
  const topText = t.text(top);
  if (topText === 'write-all')
    ctx.add('excessive-permissions', top, 'The workflow grants `permissions: write-all`.', 'top-write-all', 'high');
  if (topText === 'read-all')
    ctx.add(
      'excessive-permissions',
      top,
      'The workflow grants `permissions: read-all`; name the scopes it reads.',
      'top-read-all',
    );
  const topWrites = isMap(top)
    ? t
        .entries(top)
        .filter((e) => t.text(e.value) === 'write' && SENSITIVE.test(e.key))
        .map((e) => `${e.key}: write`)
    : [];
  const inheriting = ctx.jobs.filter((j) => !t.get(j.node, 'permissions'));
  for (const job of ctx.jobs) {
    const own = t.get(job.node, 'permissions');
    const ownText = t.text(own);
    if (ownText === 'write-all' || ownText === 'read-all')
      ctx.add(
        'excessive-permissions',
        own,
        `Job ${job.id} grants \`permissions: ${ownText}\`.`,
        `${job.id}:${ownText}`,
        ownText === 'write-all' ? 'high' : 'medium',
      );
    if (own) continue;
    if (!top)
      ctx.add(
        'excessive-permissions',
        job.keyNode,
        `Job ${job.id} has no \`permissions:\` and the workflow none either: the token gets the repository default, which may be read/write.`,
        `${job.id}:default`,
      );
    else if (topWrites.length && inheriting.length > 1)
      ctx.add(
        'excessive-permissions',
        job.keyNode,
        `Job ${job.id} inherits \`${topWrites.join('`, `')}\` granted to the whole workflow; grant it only to the jobs that need it.`,
        `${job.id}:inherits`,
        topWrites.some((w) => /^(contents|id-token)/.test(w)) ? 'medium' : 'low',
      );
  }
}
