import { resolve } from 'node:path';
import { InputReader, UserError, type ActionMetadata, type ActionSeams } from '@slipway/action-kit/lite';
import type { CliAction } from './registry.js';

/** `slipway verify-artifact`: a command of the CLI only, shaped like an action so flags and help come the same way. */
const metadata: ActionMetadata = {
  name: 'verify-artifact',
  description: 'Re-hashes a build-artifact archive against its manifest and, with --into, extracts it safely.',
  inputs: {
    archive: { description: 'The .tar.gz to verify.', required: true },
    manifest: { description: 'Its manifest (.manifest.json).', required: true },
    into: { description: 'Folder to extract into (created; must be empty). Without it, only verify.' },
  },
  outputs: { files: { description: 'Entries verified.' }, digest: { description: 'SHA-256 of the archive.' } },
};

export const verifyCommand: CliAction = {
  metadata,
  async run({ env, logger, setOutput }: ActionSeams) {
    const reader = new InputReader(metadata, env);
    const cwd = env.GITHUB_WORKSPACE || process.cwd();
    const { verifyArtifact } = await import('@slipway/artifact');
    const into = reader.optional('into');
    let result;
    try {
      result = await verifyArtifact({
        archive: resolve(cwd, reader.required('archive')),
        manifest: resolve(cwd, reader.required('manifest')),
        ...(into ? { into: resolve(cwd, into) } : {}),
      });
    } catch (err) {
      // verifyArtifact names the archive and manifest itself; what is left is the --into folder
      // (a parent that is a file, no permission): a problem to fix, not a crash to report.
      const e = err as NodeJS.ErrnoException;
      if (e.code && e.syscall)
        throw new UserError(
          `${e.path ?? 'a path'} ${e.code === 'ENOENT' ? 'does not exist' : `cannot be used (${e.code})`}.`,
          {},
          'Check the --archive, --manifest and --into paths.',
        );
      throw err;
    }
    setOutput('files', String(result.files));
    setOutput('digest', `sha256:${result.digest}`);
    logger.info(
      `verify-artifact: ${result.files} entries match the manifest (sha256:${result.digest})${into ? `; extracted into ${into}` : ''}`,
    );
  },
};
