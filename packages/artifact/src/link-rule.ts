import { posix } from 'node:path';

/**
 * True when a symbolic link at `linkPath` (relative, POSIX) with `target` cannot resolve outside
 * the tree it lives in, whatever other links the tree holds or will hold. Checking the target
 * lexically is not enough once links exist (`u -> .` then `v -> u/..` normalises to `.` but
 * resolves to the parent), so the rule is stricter: a relative target whose `..` segments all
 * come first and climb no higher than the link's own folder. Every later name descends, and a
 * link met on the way obeys the same rule from its own folder, so no chain can climb out.
 */
export function linkTargetInside(linkPath: string, target: string): boolean {
  if (target === '' || target.startsWith('/') || target.includes('\0')) return false;
  const folderDepth = posix.dirname(linkPath) === '.' ? 0 : posix.dirname(linkPath).split('/').length;
  let ups = 0;
  let descended = false;
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (descended) return false;
      ups++;
    } else descended = true;
  }
  return ups <= folderDepth;
}
