import { placeOf, where, type AuditContext } from './context.js';
import { expressions, obfuscated } from './expressions.js';

/** obfuscation: expressions and `uses:` paths written to hide what they do. */
export function auditObfuscation(ctx: AuditContext): void {
  for (const job of ctx.jobs)
    for (const step of job.steps) {
      const path = step.uses?.split('@')[0] ?? '';
      if (
        step.uses &&
        !step.uses.startsWith('docker://') &&
        /\/\/|(^|\/)\.\.?(\/|$)|\/$/.test(path.replace(/^\.\//, ''))
      )
        ctx.add(
          'obfuscation',
          step.usesNode,
          `\`${step.uses}\` in ${where(step)} is an obfuscated path.`,
          `${step.key}:uses`,
        );
    }
  for (const { value, node } of ctx.tree.strings(ctx.root))
    for (const e of expressions(value)) {
      const why = obfuscated(e.body);
      if (why)
        ctx.add(
          'obfuscation',
          ctx.tree.lineOf(node, e.raw),
          `\`${e.raw}\`${placeOf(ctx, node)} ${why}.`,
          `expr:${placeOf(ctx, node)}:${e.raw}`,
        );
    }
}
