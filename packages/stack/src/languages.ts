/** Linguist names for file extensions of programming and markup languages (data and prose are not counted). */
const BY_EXTENSION: Record<string, string> = {
  '.ts': 'TypeScript',
  '.tsx': 'TypeScript',
  '.mts': 'TypeScript',
  '.cts': 'TypeScript',
  '.js': 'JavaScript',
  '.jsx': 'JavaScript',
  '.mjs': 'JavaScript',
  '.cjs': 'JavaScript',
  '.py': 'Python',
  '.pyi': 'Python',
  '.go': 'Go',
  '.rs': 'Rust',
  '.java': 'Java',
  '.kt': 'Kotlin',
  '.kts': 'Kotlin',
  '.scala': 'Scala',
  '.groovy': 'Groovy',
  '.gradle': 'Groovy',
  '.cs': 'C#',
  '.fs': 'F#',
  '.vb': 'Visual Basic .NET',
  '.rb': 'Ruby',
  '.rake': 'Ruby',
  '.erb': 'HTML+ERB',
  '.php': 'PHP',
  '.ex': 'Elixir',
  '.exs': 'Elixir',
  '.heex': 'HTML+EEX',
  '.erl': 'Erlang',
  '.c': 'C',
  '.h': 'C',
  '.cc': 'C++',
  '.cpp': 'C++',
  '.cxx': 'C++',
  '.hpp': 'C++',
  '.hh': 'C++',
  '.m': 'Objective-C',
  '.mm': 'Objective-C++',
  '.swift': 'Swift',
  '.dart': 'Dart',
  '.lua': 'Lua',
  '.pl': 'Perl',
  '.r': 'R',
  '.jl': 'Julia',
  '.hs': 'Haskell',
  '.ml': 'OCaml',
  '.clj': 'Clojure',
  '.zig': 'Zig',
  '.nim': 'Nim',
  '.sh': 'Shell',
  '.bash': 'Shell',
  '.zsh': 'Shell',
  '.ps1': 'PowerShell',
  '.sql': 'PLpgSQL',
  '.html': 'HTML',
  '.htm': 'HTML',
  '.css': 'CSS',
  '.scss': 'SCSS',
  '.sass': 'Sass',
  '.less': 'Less',
  '.vue': 'Vue',
  '.svelte': 'Svelte',
  '.astro': 'Astro',
  '.tf': 'HCL',
  '.hcl': 'HCL',
  '.sol': 'Solidity',
};

const BY_FILENAME: Record<string, string> = {
  Dockerfile: 'Dockerfile',
  Containerfile: 'Dockerfile',
  Makefile: 'Makefile',
  GNUmakefile: 'Makefile',
  Rakefile: 'Ruby',
  Gemfile: 'Ruby',
  Jenkinsfile: 'Groovy',
};

/** The language of a file by its name, or undefined for data, prose and unknown files. */
export function languageOf(name: string): string | undefined {
  const exact = BY_FILENAME[name];
  if (exact) return exact;
  if (name.startsWith('Dockerfile.') || name.endsWith('.dockerfile')) return 'Dockerfile';
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  return BY_EXTENSION[name.slice(dot).toLowerCase()];
}

/** Generated or minified files linguist leaves out of the statistics. */
export function isGeneratedName(name: string): boolean {
  return /\.min\.(js|css)$|[.-]bundle\.js$|\.pb\.go$|_pb2(_grpc)?\.py$|\.designer\.cs$|\.g\.dart$|\.generated\.\w+$/.test(
    name,
  );
}

/** Language totals in bytes with their shares, largest first. */
export function languageShares(bytes: Map<string, number>): { name: string; bytes: number; share: number }[] {
  const total = [...bytes.values()].reduce((a, b) => a + b, 0);
  return [...bytes.entries()]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name, n]) => ({ name, bytes: n, share: total ? Math.round((n / total) * 10_000) / 10_000 : 0 }));
}
