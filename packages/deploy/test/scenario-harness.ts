// What the canary scenarios share: release folders that behave well or badly, a plan with short
// windows, seams that keep the log, and continuous autocannon load that remembers which release
// answered each request and when.
import { spawn } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { actionsExec, RecordingLogger, systemClock, type Exec } from '@slipway/action-kit/lite';
import { parseSteps, type DeployPlan, type DeploySeams } from '../src/index.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The local proxy daemon, started from source. */
export const SELF_COMMAND = [process.execPath, '--import', 'tsx', join(HERE, 'daemon-entry.ts')];

/** How a release behaves: `bad` answers every 20th request with 500; `crash` exits before it listens; `deaf` never passes its health check. */
export type Mode = 'good' | 'bad' | 'crash' | 'deaf';

const SERVER = `import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
const mode = readFileSync(new URL('./mode.txt', import.meta.url), 'utf8').trim();
if (mode === 'crash') setTimeout(() => { console.error('boom: DATABASE_URL is not set'); process.exit(3); }, 700);
else {
  let n = 0;
  const id = process.env.SLIPWAY_RELEASE_ID;
  const server = createServer((req, res) => {
    if (req.url === '/healthz') { res.writeHead(mode === 'deaf' ? 503 : 200); return res.end(mode); }
    n++;
    res.writeHead(mode === 'bad' && n % 20 === 0 ? 500 : 200, { 'x-release': id, 'content-type': 'text/plain' });
    res.end(id);
  });
  server.keepAliveTimeout = 60000;
  server.listen(Number(process.env.PORT), process.env.HOST);
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
`;

/** Writes a release folder under `root` (its content, and so its digest, differs per version). */
export function releaseFolder(root: string, version: string, mode: Mode): string {
  const dir = join(root, 'src', `${version}-${mode}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'server.mjs'), SERVER);
  writeFileSync(join(dir, 'mode.txt'), `${mode}\n`);
  writeFileSync(join(dir, 'VERSION'), `${version}\n`);
  return dir;
}

/** A plan with short windows; `over` replaces any field. */
export function scenarioPlan(
  base: { provider: string; stateDir: string; settings: Record<string, string> },
  over: Partial<DeployPlan> & { artifact: string; version: string },
): DeployPlan {
  return {
    environment: 'prod',
    workspace: base.stateDir,
    startCommand: 'node server.mjs',
    healthPath: '/healthz',
    steps: parseSteps('10,25,50,100'),
    stepAnalysisMs: 2500,
    minRequests: 0,
    autoPromote: true,
    drainMs: 300,
    readyTimeoutMs: 15_000,
    maxErrorRate: 0.01,
    hooks: {},
    hookTimeoutMs: 10_000,
    confirmTimeoutMs: 0,
    frontDoorUrl: '',
    runId: `run-${over.version}-${Date.now()}`,
    owner: `scenario deploy of ${over.version}`,
    ...base,
    ...over,
  };
}

/** Runs hooks without echoing into Jest's output. */
const quietExec: Exec = (command, args, options = {}) => actionsExec(command, args, { ...options, silent: true });

/** Real seams with a recording logger. */
export function scenarioSeams(extra: Partial<DeploySeams> = {}): DeploySeams & { logger: RecordingLogger } {
  return {
    clock: systemClock,
    logger: new RecordingLogger(),
    exec: quietExec,
    env: { ...process.env },
    selfCommand: SELF_COMMAND,
    ...extra,
  } as DeploySeams & { logger: RecordingLogger };
}

/** One answer through the front door. */
export interface Answer {
  at: number;
  status: number;
  release: string;
}

/** What a load run saw: every answer, and requests lost on the connection. */
export interface LoadRecord {
  answers: Answer[];
  /** Connection errors and timeouts: requests that got no answer at all. */
  lost: number;
  non2xx: number;
}

interface AutocannonInstance {
  stop(): void;
  on(event: 'done', cb: (r: { errors: number; timeouts: number; non2xx: number }) => void): void;
}

/** Starts autocannon at `rate` requests/s against `url` until `stop()`. */
export async function startLoad(url: string, rate = 300): Promise<{ stop(): Promise<LoadRecord> }> {
  const specifier = 'autocannon';
  const autocannon = (await import(specifier)).default as (o: Record<string, unknown>) => AutocannonInstance;
  const answers: Answer[] = [];
  const instance = autocannon({
    url,
    connections: 10,
    overallRate: rate,
    duration: 3600,
    timeout: 30,
    requests: [
      {
        method: 'GET',
        path: '/',
        onResponse: (status: number, _body: string, _ctx: unknown, headers: Record<string, string>) =>
          answers.push({ at: Date.now(), status, release: headers['x-release'] ?? '' }),
      },
    ],
  });
  const done = new Promise<{ errors: number; timeouts: number; non2xx: number }>((r) => instance.on('done', r));
  return {
    async stop() {
      instance.stop();
      const r = await done;
      return { answers, lost: r.errors + r.timeouts, non2xx: r.non2xx };
    },
  };
}

/** Starts a deploy in a child process (so that it can be killed with SIGKILL); resolves with the child. */
export function deployInChild(plan: DeployPlan, env: Record<string, string> = {}): ReturnType<typeof spawn> {
  return spawn(process.execPath, ['--import', 'tsx', join(HERE, 'deploy-child.ts')], {
    env: { ...process.env, ...env, SLIPWAY_PLAN: JSON.stringify(plan), SLIPWAY_SELF: JSON.stringify(SELF_COMMAND) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
