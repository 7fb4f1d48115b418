import type { Exec } from '@slipway/action-kit/lite';
import type { SecretEngine } from './secrets/engine.js';
import type { Finding } from './types.js';

/**
 * Scans only the lines that commits added (`git log -p -U0`), since a revision when given. Each
 * finding names the commit that added the secret.
 */
export async function scanHistory(
  engine: SecretEngine,
  exec: Exec,
  root: string,
  since?: string,
): Promise<{ findings: Finding[]; commits: number }> {
  const range = since ? [`${since}..HEAD`] : ['HEAD'];
  const result = await exec(
    'git',
    ['log', '-p', '-U0', '--no-color', '--no-ext-diff', '--no-renames', '--format=commit %H', ...range],
    {
      cwd: root,
      silent: true,
      ignoreReturnCode: true,
    },
  );
  if (result.exitCode !== 0) throw new Error(`git log failed: ${result.stderr.trim().split('\n').pop()}`);
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
