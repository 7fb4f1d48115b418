/** OSV ecosystem names, which are also what the SBOM and the scanner speak. */
export type Ecosystem = 'npm' | 'PyPI' | 'Go' | 'crates.io' | 'RubyGems' | 'Packagist';

/** A content hash as the lockfile records it. */
export interface Hash {
  /** CycloneDX algorithm name: SHA-1, SHA-256, SHA-384, SHA-512. */
  alg: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';
  /** Lower-case hex. */
  hex: string;
}

/** One resolved dependency. */
export interface LockedPackage {
  ecosystem: Ecosystem;
  name: string;
  version: string;
  /** Only needed to develop or test, never at run time (when the lockfile says so). */
  dev: boolean;
  hashes: Hash[];
  /** Lockfile path, relative to the repository root. */
  file: string;
  /** 1-based line in the lockfile where the entry starts, when known. */
  line?: number;
}

/** A parser for one lockfile format. Text in, packages out; a malformed file throws LockfileError. */
export type LockfileParser = (text: string, file: string) => LockedPackage[];

/** A lockfile that cannot be read as its format; carries the line where parsing failed. */
export class LockfileError extends Error {
  override readonly name = 'LockfileError';
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
  ) {
    super(message);
  }
}
