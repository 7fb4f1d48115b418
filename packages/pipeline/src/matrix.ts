// A job's `strategy.matrix`, expanded as GitHub expands it: the product of its lists, less the
// `exclude` entries, then each `include` entry added to every combination it does not contradict
// (a new combination when it fits none, or extends none without overwriting an original value).
import { UserError } from '@slipway/action-kit/lite';

export type Combination = Record<string, unknown>;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The combinations of a matrix (already evaluated: `${{ fromJSON(…) }}` gives the object). */
export function expandMatrix(matrix: unknown, where = 'workflow'): Combination[] {
  if (matrix === undefined || matrix === null) return [{}];
  if (typeof matrix !== 'object' || Array.isArray(matrix))
    throw new UserError('has a strategy.matrix that is not a mapping.', { file: where });
  const { include, exclude, ...lists } = matrix as Record<string, unknown>;
  for (const [key, values] of Object.entries(lists))
    if (!Array.isArray(values)) throw new UserError(`has a matrix key ${key} that is not a list.`, { file: where });
  const keys = Object.keys(lists);
  let combos: Combination[] = keys.length ? [{}] : [];
  for (const key of keys) combos = combos.flatMap((c) => (lists[key] as unknown[]).map((v) => ({ ...c, [key]: v })));
  const excludes = (Array.isArray(exclude) ? exclude : []) as Combination[];
  combos = combos.filter((c) => !excludes.some((e) => Object.entries(e).every(([k, v]) => same(c[k], v))));
  const originals = combos.map((c) => ({ ...c }));
  for (const entry of (Array.isArray(include) ? include : []) as Combination[]) {
    let matched = false;
    // Only the matrix's own combinations are extended; one an include added stays as it was added.
    originals.forEach((original, i) => {
      const c = combos[i]!;
      // It may add keys, and overwrite keys it added, but never an original value.
      const fits = Object.entries(entry).every(([k, v]) => !(k in original) || same(original[k], v));
      if (fits) {
        Object.assign(c, entry);
        matched = true;
      }
    });
    if (!matched) combos.push({ ...entry });
  }
  return combos;
}
