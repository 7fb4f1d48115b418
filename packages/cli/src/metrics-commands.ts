// `slipway metrics` and `slipway audit`: commands of the CLI only, over deploy-canary's audit trail.
import { appendFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { InputReader, systemClock, userPath, type ActionMetadata, type ActionSeams } from '@slipway/action-kit/lite';
import type { CliAction } from './registry.js';

const common: ActionMetadata['inputs'] = {
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

/** The start of the period `since` names (a duration back from now), or undefined for the whole trail. */
function sinceOf(reader: InputReader, now: number): number | undefined {
  return reader.raw('since') === '' ? undefined : now - reader.duration('since');
}

const metricsMetadata: ActionMetadata = {
  name: 'metrics',
  description: 'Shows the four DORA delivery metrics of an environment, computed from its audit trail.',
  inputs: {
    ...common,
    since: { description: 'How far back to look, such as 30d or 12h; empty for the whole trail.', default: '30d' },
  },
  outputs: {
    metrics: { description: 'JSON: deploys, frequency, lead time, change failure rate, time to restore, weeks.' },
  },
};

export const metricsCommand: CliAction = {
  metadata: metricsMetadata,
  async run({ env, logger, setOutput }: ActionSeams) {
    const reader = new InputReader(metricsMetadata, env);
    const now = systemClock.now();
    const since = sinceOf(reader, now);
    const { deliveryMetrics, metricsMarkdown } = await import('@slipway/deploy');
    const m = await deliveryMetrics(stateDir(reader.raw('state-dir'), env), reader.raw('environment'), {
      ...(since !== undefined ? { since } : {}),
      until: now,
      clock: systemClock,
    });
    setOutput('metrics', JSON.stringify(m));
    if (m.skippedLines > 0) logger.warning(`${m.skippedLines} lines of the audit trail are not transitions: skipped`);
    // The step summary is what the CLI prints on stdout, and what a runner shows on the job's page.
    const markdown = metricsMarkdown(m);
    if (env.GITHUB_STEP_SUMMARY) await appendFile(env.GITHUB_STEP_SUMMARY, markdown, 'utf8');
    else logger.info(markdown);
  },
};

const auditMetadata: ActionMetadata = {
  name: 'audit',
  description: "Prints an environment's audit trail: every ledger transition, one JSON object a line.",
  inputs: {
    ...common,
    since: { description: 'How far back to look, such as 30d or 12h; empty for the whole trail.', default: '' },
  },
  outputs: {
    entries: { description: 'The transitions, one JSON object a line, oldest first.' },
    count: { description: 'How many transitions.' },
  },
};

export const auditCommand: CliAction = {
  metadata: auditMetadata,
  async run({ env, logger, setOutput }: ActionSeams) {
    const reader = new InputReader(auditMetadata, env);
    const now = systemClock.now();
    const since = sinceOf(reader, now);
    const { auditEntries } = await import('@slipway/deploy');
    const lines: string[] = [];
    const entries = auditEntries(stateDir(reader.raw('state-dir'), env), reader.raw('environment'), {
      ...(since !== undefined ? { since } : {}),
      onInvalid: (line) => logger.warning(`audit.jsonl line ${line} is not a transition: skipped`),
    });
    for await (const t of entries) {
      const line = JSON.stringify(t);
      logger.info(line);
      lines.push(line);
    }
    setOutput('entries', lines.join('\n'));
    setOutput('count', String(lines.length));
  },
};
