import picomatch from 'picomatch';

/** Why picomatch refuses a glob (empty, longer than it allows), or undefined when it takes it. */
export function globProblem(glob: string, options: picomatch.PicomatchOptions = {}): string | undefined {
  try {
    picomatch(glob, options);
    return undefined;
  } catch (err) {
    return String((err as Error).message).slice(0, 120);
  }
}

/** A glob as it may be shown in a message: quoted, escaped, and cut when long. */
export function showGlob(glob: string): string {
  return JSON.stringify(glob.length > 80 ? `${glob.slice(0, 80)}…` : glob);
}

/**
 * One matcher for globs that come from a repository or an input. A glob picomatch refuses is
 * reported and skipped rather than thrown: a bad workspace glob in one manifest must not stop
 * detection of the rest.
 */
export function compileGlobs(
  globs: readonly string[],
  report: (message: string) => void,
  options: picomatch.PicomatchOptions = {},
): (path: string) => boolean {
  const good: string[] = [];
  for (const glob of globs) {
    const problem = globProblem(glob, options);
    if (problem === undefined) good.push(glob);
    else report(`glob ${showGlob(glob)} is not usable (${problem}); it is skipped`);
  }
  if (good.length === 0) return () => false;
  return picomatch(good, options);
}
