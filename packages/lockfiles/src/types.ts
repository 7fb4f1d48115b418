/**
 * OSV ecosystem names, which are also what the SBOM and the scanner speak, with names as OSV
 * writes them (Maven `group:artifact`, SwiftURL `github.com/owner/repo`). 'CocoaPods' is not an
 * OSV ecosystem: its packages get a purl but are never sent to OSV (see isOsvEcosystem).
 */
export type Ecosystem =
  | 'npm'
  | 'PyPI'
  | 'Go'
  | 'crates.io'
  | 'RubyGems'
  | 'Packagist'
  | 'Maven'
  | 'NuGet'
  | 'Pub'
  | 'Hex'
  | 'SwiftURL'
  | 'CocoaPods'
  /** Actions and reusable workflows, named `owner/repo`: read from workflows, not from a lockfile. */
  | 'GitHub Actions';

/** True for the ecosystems OSV knows: the OSV API refuses a query naming any other. */
export function isOsvEcosystem(ecosystem: Ecosystem): boolean {
  return ecosystem !== 'CocoaPods';
}

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
/** What was read but cannot be used (a lockfile that yields no packages): the caller's to show. */
export interface LockfileWarning {
  file: string;
  line?: number;
  message: string;
}

export type LockfileParser = (text: string, file: string, warnings?: LockfileWarning[]) => LockedPackage[];

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
