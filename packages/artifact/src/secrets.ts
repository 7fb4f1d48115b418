import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Names that are credentials by what they are, whatever they hold. */
const SECRET_NAME = [
  /^\.env(\..+)?$/,
  /\.pem$/i,
  /\.key$/i,
  /^id_(rsa|dsa|ecdsa|ed25519)(\.|$)/,
  /\.(p12|pfx|jks|keystore)$/i,
  /^\.git-credentials$/,
  /^\.netrc$/,
  /^credentials\.json$/,
  /^application_default_credentials\.json$/,
  /^service-account.*\.json$/i,
  /^\.htpasswd$/,
];

/** Example files that only look like secrets. */
const EXAMPLE = /^\.env\.(example|sample|template|dist|defaults)$/;

/** Paths whose folder makes them credentials (cloud CLIs' config). */
const SECRET_PATH = [
  /(^|\/)\.aws\/credentials$/,
  /(^|\/)\.docker\/config\.json$/,
  /(^|\/)\.kube\/config$/,
  /(^|\/)\.config\/gcloud\//,
  /(^|\/)\.azure\//,
];

/** Package-manager config that is a secret only when it holds a token or password. */
const TOKEN_CONFIG = /^\.(npmrc|pypirc|yarnrc\.yml|gem\/credentials)$/;
const TOKEN_LINE = /(_authToken|_auth|_password|npmAuthToken|npmAuthIdent|^\s*password\s*[=:])/m;

/**
 * The paths (relative, POSIX) among the given files that are likely secrets: keys, certificates
 * with private parts, .env files, cloud credentials, and package-manager configs that carry a token.
 */
export async function findSecretFiles(root: string, paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (EXAMPLE.test(name)) continue;
    if (SECRET_NAME.some((re) => re.test(name)) || SECRET_PATH.some((re) => re.test(path))) {
      found.push(path);
    } else if (TOKEN_CONFIG.test(name)) {
      const text = await readFile(join(root, path), 'utf8').catch(() => '');
      if (TOKEN_LINE.test(text)) found.push(path);
    }
  }
  return found;
}
