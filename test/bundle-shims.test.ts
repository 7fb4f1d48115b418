// The shims that keep undici, @actions/http-client and @actions/exec out of an action's start
// (scripts/bundle-shims/README.md): each bundle resolves every module, a bundle that only reads its
// inputs loads none of them, the shims give every name their packages give, and the undici shim's
// ProxyAgent placeholder still sends a request through a real proxy.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { REPO, makeTree, removeTree, runBundle } from './harness.js';

const require = createRequire(import.meta.url);
const SHIMS = join(REPO, 'scripts', 'bundle-shims');
const workspace = makeTree({ 'README.md': '# empty\n' });
afterAll(() => removeTree(workspace));

/** Every .js file of every bundle. */
function bundleFiles(): string[] {
  return readdirSync(join(REPO, 'dist')).flatMap((name) =>
    readdirSync(join(REPO, 'dist', name))
      .filter((f) => f.endsWith('.js'))
      .map((f) => join(REPO, 'dist', name, f)),
  );
}

describe('bundle shims', () => {
  it('leave no module unresolved in any bundle (a shim requiring a path that is not there builds, then throws at run time)', () => {
    const files = bundleFiles();
    expect(files.length).toBeGreaterThan(7);
    const missing = files.filter((f) => readFileSync(f, 'utf8').includes('webpackMissingModule'));
    expect(missing).toStrictEqual([]);
  });

  it('are what the bundles hold for the three packages', () => {
    const main = readFileSync(join(REPO, 'dist', 'detect-stack', 'index.js'), 'utf8');
    expect(main).toContain('./scripts/bundle-shims/undici/index.cjs');
    expect(main).toContain('./scripts/bundle-shims/http-client/index.cjs');
    expect(main).toContain('./scripts/bundle-shims/exec/index.cjs');
    const scan = readFileSync(join(REPO, 'dist', 'security-scan', 'index.js'), 'utf8');
    expect(scan).toContain('./scripts/bundle-shims/packageurl-js/index.cjs');
  });

  // verify-health's own probes use http and https, and every action's exec seam child_process; undici
  // is what brings http2 and worker_threads, @actions/http-client https and tls.
  it.each([
    ['detect-stack', 'http2 worker_threads https tls http'],
    ['verify-health', 'http2 worker_threads'],
  ])('%s starts and ends without loading what the shims keep out (%s)', (action, absent) => {
    const hook = join(workspace, `${action}-hook.mjs`);
    const record = join(workspace, `${action}-modules.txt`);
    writeFileSync(
      hook,
      `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(record)}, process.moduleLoadList.join('\\n')));\n`,
    );
    const run = runBundle(action, {}, { workspace, env: { NODE_OPTIONS: `--import=${hook}` } });
    // detect-stack succeeds on a folder; verify-health stops at its missing url: both are ordinary ends.
    expect([0, 1]).toContain(run.status);
    const loaded = readFileSync(record, 'utf8').split('\n');
    expect(loaded).toContain('NativeModule fs');
    for (const heavy of absent) expect(loaded).not.toContain(`NativeModule ${heavy}`);
  });

  // Names only: outside webpack, Node 20 cannot require() these ES modules, so the getters are
  // exercised by the bundles (uploads through @actions/artifact, GitHub's API through @actions/github).
  it('give every name @actions/http-client, @actions/exec and packageurl-js export', async () => {
    for (const [shim, real] of [
      ['http-client', '@actions/http-client'],
      ['exec', '@actions/exec'],
      ['packageurl-js', 'packageurl-js'],
    ] as const) {
      const lazy = require(join(SHIMS, shim, 'index.cjs')) as Record<string, unknown>;
      const actual = (await import(real)) as Record<string, unknown>;
      // A CommonJS package imported as ESM also shows `default` and `module.exports`: not names.
      const names = Object.keys(actual).filter((n) => n !== 'default' && n !== 'module.exports');
      expect(Object.keys(lazy).sort()).toStrictEqual(names.sort());
    }
    // packageurl-js is CommonJS, so here the getters can be followed too.
    const purl = require(join(SHIMS, 'packageurl-js', 'index.cjs')) as Record<string, unknown>;
    for (const [name, value] of Object.entries(require('packageurl-js') as Record<string, unknown>))
      expect(purl[name]).toBe(value);
  });

  it('give every name the bundled packages import from undici', () => {
    const lazy = require(join(SHIMS, 'undici', 'index.cjs')) as Record<string, unknown>;
    const wanted = new Set<string>();
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, e.name);
        if (e.isDirectory()) walk(path);
        else if (e.name.endsWith('.js'))
          for (const m of readFileSync(path, 'utf8').matchAll(/import \{([^}]*)\} from ['"]undici['"]/g))
            for (const name of m[1]!.split(',')) wanted.add(name.trim().split(/\s+as\s+/)[0]!);
      }
    };
    for (const pkg of ['@actions', '@octokit'])
      if (existsSync(join(REPO, 'node_modules', pkg))) walk(join(REPO, 'node_modules', pkg));
    expect([...wanted].sort()).toStrictEqual(['ProxyAgent', 'fetch']);
    for (const name of wanted) expect(typeof lazy[name]).toBe('function');
  });

  it("undici's ProxyAgent placeholder sends fetch through the proxy it names", async () => {
    const target: Server = createServer((_req, res) => res.end('through'));
    const tunnels: string[] = [];
    const sockets: { destroy(): void }[] = [];
    const proxy: Server = createServer();
    proxy.on('connect', (req, socket, head) => {
      tunnels.push(req.url ?? '');
      sockets.push(socket);
      const [host, port] = (req.url ?? '').split(':');
      const upstream = connect(Number(port), host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      sockets.push(upstream);
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await Promise.all([target, proxy].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()))));
    const port = (s: Server) => (s.address() as { port: number }).port;
    try {
      const lazy = require(join(SHIMS, 'undici', 'index.cjs')) as {
        ProxyAgent: new (o: unknown) => object;
        fetch: (url: string, init?: { dispatcher?: object }) => Promise<Response>;
      };
      const agent = new lazy.ProxyAgent({ uri: `http://127.0.0.1:${port(proxy)}` });
      const res = await lazy.fetch(`http://127.0.0.1:${port(target)}/`, { dispatcher: agent });
      expect(await res.text()).toBe('through');
      expect(tunnels).toStrictEqual([`127.0.0.1:${port(target)}`]);
      // Without a dispatcher it is undici's fetch, straight to the server.
      expect(await (await lazy.fetch(`http://127.0.0.1:${port(target)}/`)).text()).toBe('through');
      expect(tunnels).toHaveLength(1);
    } finally {
      for (const s of sockets) s.destroy();
      proxy.closeAllConnections();
      target.closeAllConnections();
      await Promise.all([target, proxy].map((s) => new Promise((r) => s.close(r))));
    }
  });
});
