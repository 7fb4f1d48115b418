// `slipway status` and `slipway down`: commands of the CLI only, over deploy-canary's state.
import { homedir } from 'node:os';
import { InputReader, systemClock, userPath, type ActionMetadata, type ActionSeams } from '@slipway/action-kit/lite';
import type { CliAction } from './registry.js';

const inputs: ActionMetadata['inputs'] = {
  environment: { description: 'The environment.', required: false, default: 'production' },
  'state-dir': {
    description: "deploy-canary's state folder (absolute, ~/…, or relative to the current folder).",
    required: false,
    default: '~/.slipway',
  },
};

/** The state folder as deploy-canary resolves it. */
function stateDir(value: string, env: NodeJS.ProcessEnv): string {
  return userPath('state-dir', value, env.GITHUB_WORKSPACE || process.cwd(), env.HOME || homedir(), 'folder');
}

const statusMetadata: ActionMetadata = {
  name: 'status',
  description: 'Shows which release of an environment holds which share of its traffic, and whether each runs.',
  inputs,
  outputs: {
    status: {
      description:
        'JSON: releases with role, weight and process, the local proxy, the lock holder, the last verdicts with their reasons, the last transition.',
    },
  },
};

export const statusCommand: CliAction = {
  metadata: statusMetadata,
  async run({ env, logger, setOutput }: ActionSeams) {
    const reader = new InputReader(statusMetadata, env);
    const { environmentStatus } = await import('@slipway/deploy');
    const s = await environmentStatus(stateDir(reader.raw('state-dir'), env), reader.raw('environment'), systemClock);
    setOutput('status', JSON.stringify(s));
    if (s.ledgerRecovered) logger.warning(s.ledgerRecovered);
    const lines = [`environment ${s.environment}${s.canaryPhase ? ` (canary ${s.canaryPhase})` : ''}`];
    if (s.proxy) lines.push(`front door ${s.proxy.frontDoor} (local proxy, pid ${s.proxy.pid})`);
    if (s.releases.length === 0) lines.push('no release deployed');
    for (const r of s.releases) {
      const served = s.proxy?.totals[r.id];
      lines.push(
        `  ${r.role.padEnd(8)} ${r.id.padEnd(24)} ${String(r.weight).padStart(3)}%  ${r.running ? `running (pid ${r.pid}) ${r.upstream}` : 'stopped'}${served ? `  ${served.requests} requests, ${served.errors} 5xx` : ''}`,
      );
    }
    if (s.lock)
      lines.push(
        `lock held by ${s.lock.owner} (run ${s.lock.runId}, pid ${s.lock.pid} on ${s.lock.host}) since ${s.lock.acquiredAt}, until ${s.lock.expiresAt}${s.lock.stale ? `; stale: ${s.lock.stale}, the next run takes it over` : ''}`,
      );
    else lines.push('lock free');
    if (s.verdicts.length) {
      lines.push('last verdicts:');
      for (const v of s.verdicts)
        lines.push(`  ${v.at} ${v.outcome.padEnd(11)} ${v.release ?? ''}${v.reason ? `: ${v.reason}` : ''}`);
    }
    if (s.lastTransition) lines.push(`last: ${s.lastTransition}`);
    logger.info(lines.join('\n'));
  },
};

const downMetadata: ActionMetadata = {
  name: 'down',
  description: 'Stops an environment: its local proxy and every release process; the ledger stays.',
  inputs,
  outputs: { stopped: { description: 'What was stopped, one per line.' } },
};

export const downCommand: CliAction = {
  metadata: downMetadata,
  async run({ env, logger, setOutput }: ActionSeams) {
    const reader = new InputReader(downMetadata, env);
    const { downEnvironment } = await import('@slipway/deploy');
    const environment = reader.raw('environment');
    const stopped = await downEnvironment(stateDir(reader.raw('state-dir'), env), environment, systemClock);
    setOutput('stopped', stopped.join('\n'));
    logger.info(stopped.length ? `stopped ${stopped.join(', ')}` : `nothing of ${environment} was running`);
  },
};
