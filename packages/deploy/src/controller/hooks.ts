// The user's commands at the edges of a rollout (like Flagger's webhooks): run through the shell
// with SLIPWAY_* variables, a timeout, their output in the log (as untrusted text: it cannot act
// as a workflow command), and a one-line reason when they fail.
import { redactCredentials, withoutRunnerCredentials, type Exec, type Logger } from '@slipway/action-kit/lite';

/** The hooks by input name, for messages. */
export type HookName =
  'pre-deploy-command' | 'confirm-promotion-command' | 'post-promote-command' | 'on-rollback-command';

/** How a hook ended. */
export type HookResult = { ok: true } | { ok: false; reason: string };

/** What every hook sees about the release. */
export interface HookContext {
  environment: string;
  provider: string;
  releaseId: string;
  version: string;
  previousReleaseId: string;
  frontDoor: string;
  canaryUpstream: string;
  weight: number;
  /** Why the canary is rolled back (on-rollback only). */
  reason?: string;
}

const TAIL_CHARS = 300;

/** The SLIPWAY_* variables of a hook. */
export function hookVariables(c: HookContext): Record<string, string> {
  return {
    SLIPWAY_ENVIRONMENT: c.environment,
    SLIPWAY_PROVIDER: c.provider,
    SLIPWAY_RELEASE_ID: c.releaseId,
    SLIPWAY_RELEASE_VERSION: c.version,
    SLIPWAY_PREVIOUS_RELEASE_ID: c.previousReleaseId,
    SLIPWAY_URL: c.frontDoor,
    SLIPWAY_CANARY_URL: c.canaryUpstream,
    SLIPWAY_WEIGHT: String(c.weight),
    ...(c.reason !== undefined ? { SLIPWAY_REASON: c.reason } : {}),
  };
}

/** Runs one hook; never throws for the hook's own failure (exit code, timeout, missing shell), only reports it. */
export async function runHook(
  name: HookName,
  command: string,
  context: HookContext,
  seams: { exec: Exec; logger: Logger; env: Readonly<Record<string, string | undefined>>; timeoutMs: number },
): Promise<HookResult> {
  seams.logger.info(`${name}: running`);
  const env = { ...withoutRunnerCredentials({ ...seams.env }), ...hookVariables(context) };
  try {
    const r = await seams.exec('/bin/sh', ['-c', command], {
      env,
      ignoreReturnCode: true,
      timeoutMs: seams.timeoutMs,
      maxOutputBytes: 64 * 1024,
      untrustedOutput: true,
    });
    if (r.timedOut)
      return { ok: false, reason: `${name} did not finish within ${Math.round(seams.timeoutMs / 1000)}s` };
    if (r.exitCode === 0) return { ok: true };
    const last = lastLine(r.stderr) || lastLine(r.stdout);
    return { ok: false, reason: `${name} exited with code ${r.exitCode}${last ? `: ${last}` : ''}` };
  } catch (err) {
    return { ok: false, reason: `${name} could not run: ${(err as Error).message}` };
  }
}

function lastLine(text: string): string {
  const line =
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .at(-1) ?? '';
  return redactCredentials(line.length > TAIL_CHARS ? `${line.slice(0, TAIL_CHARS)}…` : line);
}
