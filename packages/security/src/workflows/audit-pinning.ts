import type { Node } from 'yaml';
import { isLocalUses, where, type AuditContext, type Job } from './context.js';

/** True for a `uses:` that names a remote action or workflow by a full commit SHA. */
function pinned(uses: string): boolean {
  return /^[0-9a-f]{40}$/i.test(uses.split('@')[1] ?? '');
}

/** unpinned-action: step and job-level (reusable workflow) `uses:` not pinned to a commit. */
export function auditUnpinnedUses(ctx: AuditContext): void {
  const report = (uses: string, node: Node, place: string, key: string): void => {
    if (isLocalUses(uses) || uses.startsWith('docker://') || pinned(uses)) return;
    const target = uses.split('@')[0]!;
    ctx.add(
      'unpinned-action',
      ctx.tree.lineOf(node, uses),
      `\`${uses}\` in ${place} is not pinned to a commit SHA.`,
      `${key}:${target}`,
      /^(actions|github)\//.test(target) ? 'low' : 'medium',
    );
  };
  for (const job of ctx.jobs) {
    const usesNode = ctx.tree.get(job.node, 'uses');
    const uses = ctx.tree.str(usesNode)?.trim();
    if (uses && usesNode) report(uses, usesNode, `job ${job.id} (reusable workflow)`, job.id);
    for (const step of job.steps) if (step.uses) report(step.uses, step.usesNode!, where(step), step.key);
  }
}

/** The images a job runs in: `container:`, each of `services:`, `docker://` steps. */
function images(ctx: AuditContext, job: Job): Array<{ image: string; node: Node; place: string }> {
  const t = ctx.tree;
  const out: Array<{ image: string; node: Node; place: string }> = [];
  const add = (spec: Node | undefined, place: string): void => {
    const node = t.str(spec) !== undefined ? spec : t.get(spec, 'image');
    const image = t.str(node)?.trim();
    if (image && node) out.push({ image, node, place });
  };
  add(t.get(job.node, 'container'), `job ${job.id} container`);
  for (const s of t.entries(t.get(job.node, 'services'))) add(s.value, `job ${job.id} service ${s.key}`);
  for (const step of job.steps)
    if (step.uses?.startsWith('docker://'))
      out.push({ image: step.uses.slice('docker://'.length), node: step.usesNode!, place: where(step) });
  return out;
}

/** unpinned-image: container and service images without a digest. */
export function auditUnpinnedImages(ctx: AuditContext): void {
  for (const job of ctx.jobs)
    for (const { image, node, place } of images(ctx, job)) {
      if (image.includes('${{') || /@sha256:[0-9a-f]{64}$/i.test(image)) continue;
      const tag = /:([^/:]+)$/.exec(image)?.[1];
      ctx.add(
        'unpinned-image',
        node,
        `\`${image}\` in ${place} is not pinned to a digest${tag && tag !== 'latest' ? '' : ' (it floats on `latest`)'}.`,
        `${place}:${image}`,
        tag && tag !== 'latest' ? 'medium' : 'high',
      );
    }
}

/** hardcoded-container-credentials: a literal registry password on a container or service. */
export function auditContainerCredentials(ctx: AuditContext): void {
  const t = ctx.tree;
  for (const job of ctx.jobs) {
    const specs = [
      { spec: t.get(job.node, 'container'), place: `job ${job.id} container` },
      ...t
        .entries(t.get(job.node, 'services'))
        .map((s) => ({ spec: s.value, place: `job ${job.id} service ${s.key}` })),
    ];
    for (const { spec, place } of specs) {
      const password = t.get(t.get(spec, 'credentials'), 'password');
      const value = t.text(password);
      if (password && value && !value.trim().startsWith('${{'))
        ctx.add(
          'hardcoded-container-credentials',
          password,
          `The registry password of ${place} is written in the workflow.`,
          `${place}:password`,
        );
    }
  }
}
