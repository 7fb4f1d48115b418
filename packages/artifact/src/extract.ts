import { constants } from 'node:fs';
import { chmod, lstat, mkdir, mkdtemp, open, readdir, realpath, rename, rm, symlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '@slipway/action-kit/lite';
import { linkTargetInside } from './link-rule.js';

/** Why an entry cannot be written; the caller turns it into its refusal naming the entry. */
export class ExtractRefusal extends Error {}

/** Only permission bits are ever written: setuid, setgid and sticky bits from an archive are dropped. */
const PERMISSION_BITS = 0o777;
/** Folders stay writable by us while entries go in; their own modes are applied at the end. */
const WORKING_DIR_MODE = 0o700;
/** A folder the archive only implies (a file's parent it does not list) gets tar's usual mode. */
const IMPLIED_DIR_MODE = 0o755;
const NEW_FILE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/**
 * Extracts into a fresh private folder beside the target and renames it into place only when the
 * whole archive checked out, so a refused archive leaves nothing behind. Because that folder is
 * new and private, everything in it was made here, and the record of what was made is complete:
 * nothing is ever written under a link this extraction created, and links obey
 * `linkTargetInside`, so no later entry can make an earlier one resolve outside.
 */
export class Extraction {
  private readonly made = new Map<string, 'dir' | 'file' | 'symlink'>();
  private readonly dirModes = new Map<string, number>();

  private constructor(
    private readonly staging: string,
    private readonly final: string,
  ) {}

  /** Prepares extraction into `into`, which must be missing or an empty folder. */
  static async begin(into: string): Promise<Extraction> {
    const abs = resolve(into);
    const st = await lstat(abs).catch(() => undefined);
    let final: string;
    if (st) {
      final = await realpath(abs);
      const real = await lstat(final);
      if (!real.isDirectory())
        throw new UserError(`${into} exists and is not a folder.`, {}, 'Extract into a new or empty folder.');
      if ((await readdir(final)).length > 0)
        throw new UserError(`${into} is not empty.`, {}, 'Extract into a new or empty folder.');
    } else {
      await mkdir(dirname(abs), { recursive: true });
      final = join(await realpath(dirname(abs)), basename(abs));
    }
    const staging = await mkdtemp(join(dirname(final), `.${basename(final)}.partial-`));
    return new Extraction(staging, final);
  }

  /** Creates a folder. */
  async dir(path: string, mode: number): Promise<void> {
    await this.parents(path);
    const kind = this.made.get(path);
    if (kind === undefined) {
      await this.fs(path, () => mkdir(this.abs(path), WORKING_DIR_MODE));
      this.made.set(path, 'dir');
    } else if (kind !== 'dir') throw new ExtractRefusal(`is a folder where the archive already made a ${kind}`);
    this.dirModes.set(path, mode & PERMISSION_BITS);
  }

  /** Creates a symbolic link whose target cannot lead out of the extracted tree. */
  async symlink(path: string, target: string): Promise<void> {
    if (!linkTargetInside(path, target))
      throw new ExtractRefusal(`links to '${target}', outside the artifact or by a path that could lead out of it`);
    await this.parents(path);
    await this.fs(path, () => symlink(target, this.abs(path)));
    this.made.set(path, 'symlink');
  }

  /** Creates a new file (never through a link, never over anything) and returns it open for writing. */
  async file(path: string, mode: number): Promise<FileHandle> {
    await this.parents(path);
    const handle = await this.fs(path, () => open(this.abs(path), NEW_FILE_FLAGS, mode & PERMISSION_BITS));
    this.made.set(path, 'file');
    return handle;
  }

  /** Applies folder modes (deepest first, so a read-only folder does not block its children) and moves the tree into place. */
  async commit(): Promise<void> {
    const dirs = [...this.dirModes].sort((a, b) => b[0].split('/').length - a[0].split('/').length);
    for (const [path, mode] of dirs) await chmod(this.abs(path), mode);
    await chmod(this.staging, 0o755);
    try {
      await rename(this.staging, this.final);
    } catch (err) {
      throw new UserError(
        `${this.final} could not be put in place: ${(err as Error).message}.`,
        {},
        'Extract into a new or empty folder that nothing else writes to.',
      );
    }
  }

  /** Removes everything this extraction wrote. */
  async abort(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
  }

  private abs(path: string): string {
    return join(this.staging, ...path.split('/'));
  }

  /** Makes the folders above an entry, refusing to go through a link or a file the archive made. */
  private async parents(path: string): Promise<void> {
    const segments = path.split('/');
    for (let i = 1; i < segments.length; i++) {
      const parent = segments.slice(0, i).join('/');
      const kind = this.made.get(parent);
      if (kind === 'symlink')
        throw new ExtractRefusal(`would be written through '${parent}', a symbolic link the archive made`);
      if (kind === 'file') throw new ExtractRefusal(`is under '${parent}', which the archive made a file`);
      if (kind === undefined) {
        await this.fs(path, () => mkdir(this.abs(parent), WORKING_DIR_MODE));
        this.made.set(parent, 'dir');
        this.dirModes.set(parent, IMPLIED_DIR_MODE);
      }
    }
  }

  /** Runs a file-system call, turning its failure (a name too long, a clash) into a refusal. */
  private async fs<T>(path: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (!code) throw err;
      throw new ExtractRefusal(`cannot be written (${code})`);
    }
  }
}
