import { UserError, type Exec, type ExecResult } from '@slipway/action-kit/lite';
import type { SecretEngine } from './secrets/engine.js';
import type { Finding } from './types.js';

const FETCH_HINT = 'Check out the whole history first (actions/checkout with fetch-depth: 0).';

/** git's complaints that are the user's to fix, by the input that caused them. */
const GIT_ERRORS: {
  pattern: RegExp;
  input: string;
  message: (root: string, since?: string) => string;
  hint: string;
}[] = [
  {
    pattern: /not a git repository/i,
    input: 'scanners',
    message: (root) => `secrets-history needs a git repository, and ${root} is not in one.`,
    hint: 'Check out the repository with actions/checkout before this step, or drop secrets-history from scanners.',
  },
  {
    pattern: /dubious ownership/i,
    input: 'scanners',
    message: (root) => `git refuses to read ${root}: it belongs to another user.`,
    hint: 'Run `git config --global --add safe.directory <path>` before this step, or check out as the same user.',
  },
  {
    pattern: /does not have any commits yet|bad (default )?revision 'HEAD'|ambiguous argument 'HEAD'/i,
    input: 'scanners',
    message: (root) => `secrets-history found no commit in ${root}.`,
    hint: FETCH_HINT,
  },
  {
    pattern: /unknown revision|bad revision|invalid object name|needed a single revision|not a valid object name/i,
    input: 'history-since',
    message: (_root, since) => `'${since}' is not a commit in this repository.`,
    hint: `Use a commit SHA, tag or branch name that has been fetched. ${FETCH_HINT}`,
  },
];

/** Runs git, turning a failure the user can fix into a UserError naming the input behind it. */
async function git(exec: Exec, root: string, args: string[], since?: string): Promise<ExecResult> {
  let result: ExecResult;
  try {
    result = await exec('git', args, { cwd: root, silent: true, ignoreReturnCode: true });
  } catch (err) {
    // Node says ENOENT both when git is missing and when the folder is: name both.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new UserError(
        `secrets-history could not start git in ${root}: git is not installed, or the folder is gone.`,
        {
          input: 'scanners',
        },
      );
    throw err;
  }
  if (result.exitCode === 0) return result;
  const stderr = result.stderr.trim();
  const known = GIT_ERRORS.find((e) => e.pattern.test(stderr) && (e.input !== 'history-since' || since));
  if (known) throw new UserError(known.message(root, since), { input: known.input }, known.hint);
  throw new Error(`git failed: ${stderr.split('\n').pop()}`);
}

/**
 * Scans only the lines that commits added (`git log -p -U0`), since a revision when given. Each
 * finding names the commit that added the secret. The revision is the user's: it may not look
 * like an option, and `--end-of-options` keeps git from reading it as one all the same.
 */
export async function scanHistory(
  engine: SecretEngine,
  exec: Exec,
  root: string,
  since?: string,
): Promise<{ findings: Finding[]; commits: number }> {
  if (since?.startsWith('-'))
    throw new UserError(
      `'${since}' is not a git revision.`,
      { input: 'history-since' },
      'Use a commit SHA, tag or branch name.',
    );
  let range = ['HEAD'];
  if (since) {
    const sha = await git(exec, root, ['rev-parse', '--verify', '--end-of-options', `${since}^{commit}`], since);
    range = [`${sha.stdout.trim()}..HEAD`];
  }
  const result = await git(
    exec,
    root,
    [
      // Non-ASCII paths as they are, not quoted and octal-escaped, so findings name the real file.
      '-c',
      'core.quotePath=false',
      'log',
      '-p',
      '-U0',
      '--no-color',
      '--no-ext-diff',
      '--no-renames',
      '--format=commit %H',
      '--end-of-options',
      ...range,
      '--',
    ],
    since,
  );
  const findings: Finding[] = [];
  let commit = '';
  let commits = 0;
  let file = '';
  let line = 0;
  const seen = new Set<string>();
  for (const text of result.stdout.split('\n')) {
    if (text.startsWith('commit ')) {
      commit = text.slice(7, 14);
      commits++;
    } else if (text.startsWith('+++ ')) file = text === '+++ /dev/null' ? '' : text.slice(6);
    else if (text.startsWith('@@')) line = Number(/\+(\d+)/.exec(text)?.[1] ?? 1);
    else if (text.startsWith('+') && file) {
      for (const f of engine.scan(text.slice(1), file, line, 'secrets-history', seen))
        findings.push({ ...f, message: `${f.message} (added in ${commit})` });
      line++;
    }
  }
  return { findings, commits };
}
