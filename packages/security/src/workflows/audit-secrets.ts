import { actionOf, placeOf, where, type AuditContext, type Step } from './context.js';
import { expressions } from './expressions.js';

/** secrets-inherit: every secret handed to a reusable workflow. */
export function auditSecretsInherit(ctx: AuditContext): void {
  const t = ctx.tree;
  for (const job of ctx.jobs) {
    const secrets = t.get(job.node, 'secrets');
    if (t.text(secrets) === 'inherit')
      ctx.add(
        'secrets-inherit',
        secrets,
        `Job ${job.id} passes every secret to ${t.str(t.get(job.node, 'uses'))?.trim() ?? 'a reusable workflow'}.`,
        `${job.id}:inherit`,
      );
  }
}

/** overprovisioned-secrets: `toJSON(secrets)` anywhere in the file. */
export function auditToJsonSecrets(ctx: AuditContext): void {
  for (const { value, node } of ctx.tree.strings(ctx.root))
    for (const e of expressions(value))
      if (/\btojson\s*\(\s*secrets\s*\)/i.test(e.body.replace(/'(?:[^']|'')*'/g, "''")))
        ctx.add(
          'overprovisioned-secrets',
          ctx.tree.lineOf(node, e.raw),
          `\`${e.raw}\` hands every secret to one place${placeOf(ctx, node)}.`,
          `tojson:${placeOf(ctx, node)}`,
        );
}

/** Publishing with a stored token where the registry offers trusted publishing. */
const TOKEN_PUBLISH: Array<{ registry: string; matches: (ctx: AuditContext, s: Step) => boolean }> = [
  {
    registry: 'PyPI',
    matches: (ctx, s) =>
      (actionOf(s) === 'pypa/gh-action-pypi-publish' && !!ctx.tree.get(ctx.tree.get(s.node, 'with'), 'password')) ||
      (/\btwine\s+upload\b/.test(run(ctx, s)) && envHasSecret(ctx, s, /^TWINE_(PASSWORD|TOKEN)$/)),
  },
  {
    registry: 'npm',
    matches: (ctx, s) => /\bnpm\s+publish\b/.test(run(ctx, s)) && envHasSecret(ctx, s, /^NODE_AUTH_TOKEN$|^NPM_TOKEN$/),
  },
  {
    registry: 'RubyGems',
    matches: (ctx, s) => /\bgem\s+push\b/.test(run(ctx, s)) && envHasSecret(ctx, s, /^GEM_HOST_API_KEY$/),
  },
  {
    registry: 'crates.io',
    matches: (ctx, s) =>
      /\bcargo\s+publish\b/.test(run(ctx, s)) &&
      (envHasSecret(ctx, s, /^CARGO_REGISTRY_TOKEN$/) || /--token\s+\S*secrets\./.test(run(ctx, s))),
  },
];

function run(ctx: AuditContext, s: Step): string {
  return ctx.tree.str(ctx.tree.get(s.node, 'run')) ?? '';
}

function envHasSecret(ctx: AuditContext, s: Step, name: RegExp): boolean {
  const t = ctx.tree;
  return [ctx.root, s.job.node, s.node].some((scope) =>
    t.entries(t.get(scope, 'env')).some((e) => name.test(e.key) && /\bsecrets\./.test(t.str(e.value) ?? '')),
  );
}

/** use-trusted-publishing: a long-lived token used to publish. */
export function auditTrustedPublishing(ctx: AuditContext): void {
  for (const job of ctx.jobs)
    for (const step of job.steps)
      for (const p of TOKEN_PUBLISH)
        if (p.matches(ctx, step))
          ctx.add(
            'use-trusted-publishing',
            step.usesNode ?? ctx.tree.get(step.node, 'run'),
            `${where(step)} publishes to ${p.registry} with a stored token; ${p.registry} supports trusted publishing from this workflow.`,
            `${step.key}:${p.registry}`,
          );
}

/** insecure-commands: `ACTIONS_ALLOW_UNSECURE_COMMANDS` set anywhere. */
export function auditInsecureCommands(ctx: AuditContext): void {
  const t = ctx.tree;
  const scopes = [
    { node: ctx.root, place: 'the workflow', key: 'top' },
    ...ctx.jobs.flatMap((j) => [
      { node: j.node, place: `job ${j.id}`, key: j.id },
      ...j.steps.map((s) => ({ node: s.node, place: where(s), key: s.key })),
    ]),
  ];
  for (const { node, place, key } of scopes) {
    const v = t.get(t.get(node, 'env'), 'ACTIONS_ALLOW_UNSECURE_COMMANDS');
    if (v && !/^(false|0|)$/i.test(t.text(v)?.trim() ?? ''))
      ctx.add('insecure-commands', v, `${place} sets ACTIONS_ALLOW_UNSECURE_COMMANDS.`, `${key}:unsecure`);
  }
}
