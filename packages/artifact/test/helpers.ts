import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectFiles, writeArchive, manifestJson, type ArchiveResult } from '../src/index.js';
import { makeTree } from '../../../test/harness.js';
import { writeFileSync } from 'node:fs';

/** Archives a whole folder the way build-artifact does, writing the archive and manifest into `out`. */
export async function archiveFolder(
  root: string,
  out: string,
  mtime = 1_700_000_000,
): Promise<ArchiveResult & { archive: string; manifest: string }> {
  const selection = selectFiles({ root, include: ['**'], exclude: [], never: ['.git'] });
  const archive = join(out, 'a.tar.gz');
  const result = await writeArchive({ entries: selection.entries, archivePath: archive, mtime });
  const manifest = join(out, 'a.manifest.json');
  writeFileSync(
    manifest,
    manifestJson({
      schemaVersion: 1,
      name: 'a',
      version: '1',
      project: '.',
      sourceDateEpoch: mtime,
      archive: { file: 'a.tar.gz', sha256: result.digest, size: result.size },
      files: result.files,
    }),
  );
  return { ...result, archive, manifest };
}

/** Runs a command and returns stdout, throwing with stderr on failure. */
export function sh(cmd: string, args: string[], cwd?: string, env?: NodeJS.ProcessEnv): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: env ?? process.env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** A git repository in a temp folder with the given files committed at a fixed time. */
export function gitRepo(files: Record<string, string>, time = '2024-01-02T03:04:05Z'): string {
  const root = makeTree(files, 'slipway-repo-');
  const env = {
    ...process.env,
    GIT_AUTHOR_DATE: time,
    GIT_COMMITTER_DATE: time,
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.com',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.com',
  };
  sh('git', ['init', '-q', '-b', 'main'], root, env);
  sh('git', ['add', '-A'], root, env);
  sh('git', ['commit', '-q', '-m', 'init'], root, env);
  return root;
}

/** Reads a JSON file. */
export function readJson<T = Record<string, unknown>>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
