// A workflow's jobs in the order their `needs:` define, as GitHub runs them: each level after the
// jobs it needs, jobs of one level independent of each other.
import { UserError } from '@slipway/action-kit/lite';

/** Job ids by level: every job of level n needs only jobs of levels before it. */
export function jobLevels(
  jobs: Readonly<Record<string, { needs?: string | readonly string[] }>>,
  where = 'workflow',
): string[][] {
  const needs = new Map(
    Object.entries(jobs).map(([id, job]) => [
      id,
      job.needs === undefined ? [] : typeof job.needs === 'string' ? [job.needs] : [...job.needs],
    ]),
  );
  for (const [id, list] of needs)
    for (const n of list)
      if (!needs.has(n))
        throw new UserError(
          `job ${id} needs ${n}, which is not a job of the workflow.`,
          { file: where },
          `Its jobs: ${[...needs.keys()].join(', ')}.`,
        );
  const levels: string[][] = [];
  const placed = new Set<string>();
  while (placed.size < needs.size) {
    const level = [...needs.keys()].filter((id) => !placed.has(id) && needs.get(id)!.every((n) => placed.has(n)));
    if (level.length === 0) {
      const left = [...needs.keys()].filter((id) => !placed.has(id));
      throw new UserError(
        `its jobs need each other in a cycle: ${left.join(', ')}.`,
        { file: where },
        'Remove one of the needs: between them.',
      );
    }
    level.forEach((id) => placed.add(id));
    levels.push(level);
  }
  return levels;
}
