import { UserError, type Exec } from '@slipway/action-kit/lite';

/** Known git failures a user can fix, matched on stderr, with what to do. */
const GIT_ERRORS: readonly [RegExp, string][] = [
  [
    /not a git repository/i,
    'is not a git repository. Check out the repository (actions/checkout) or set the version and source-date-epoch inputs.',
  ],
  [
    /detected dubious ownership/i,
    'is owned by another user and git refuses it. Run `git config --global --add safe.directory "$GITHUB_WORKSPACE"` before this step.',
  ],
  [
    /does not have any commits yet|ambiguous argument 'HEAD'/i,
    'has no commits yet. Commit something, or set the version and source-date-epoch inputs.',
  ],
  [
    /ENOENT|not found|No such file/i,
    'cannot be read because git is not installed. Install git, or set the version and source-date-epoch inputs.',
  ],
];

/** Runs git in a folder and returns trimmed stdout, mapping known failures to UserErrors. */
export async function git(exec: Exec, cwd: string, args: string[]): Promise<string> {
  let result;
  try {
    result = await exec('git', args, { cwd, silent: true, ignoreReturnCode: true });
  } catch (err) {
    result = { exitCode: 127, stdout: '', stderr: String((err as Error).message) };
  }
  if (result.exitCode === 0) return result.stdout.trim();
  const known = GIT_ERRORS.find(([re]) => re.test(result.stderr));
  if (known) throw new UserError(`${cwd} ${known[1]}`, { input: 'path' });
  throw new Error(
    `git ${args.join(' ')} failed with exit code ${result.exitCode}: ${result.stderr.trim().split('\n').pop()}`,
  );
}

/** What the repository says about the commit being built. */
export interface GitFacts {
  commit: string;
  describe: string;
  commitTime: number;
}

/** The HEAD commit, its `git describe --tags --always` and its commit time (seconds). */
export async function gitFacts(exec: Exec, cwd: string): Promise<GitFacts> {
  const [commit, describe, time] = [
    await git(exec, cwd, ['rev-parse', 'HEAD']),
    await git(exec, cwd, ['describe', '--tags', '--always']),
    await git(exec, cwd, ['log', '-1', '--format=%ct']),
  ];
  return { commit, describe, commitTime: Number(time) };
}
