// The canary controller: an explicit state machine over the release ledger. prepare → start →
// readiness → for each step (set weight, analyse) → promote | abort. Every transition is on disk
// before it is acted on, so a run that crashes or is cancelled is finished by the next one (or by
// the action's post step). A deploy holds its environment's lock from start to end.
import { errorMessage, formatDuration, systemClock, type Clock } from '@slipway/action-kit/lite';
import { Ledger, type DeepReadonly, type ReleaseRecord } from '../ledger.js';
import { acquire, isLockLost, type LockHandle } from '../lock.js';
import { routerFor } from '../registry.js';
import type { PreparedRelease } from '../release/types.js';
import type { TrafficRouter } from '../types.js';
import { abortCanary, plain, STOP_GRACE_MS, type AbortContext } from './abort.js';
import { analyseStep } from './analysis.js';
import { runHook, type HookContext, type HookName } from './hooks.js';
import type { DeployOutcome, DeployPlan, DeployReport, DeploySeams, ReleaseHost, StepReport } from './plan.js';
import { defaultHost, releaseHost, routerContext } from './host.js';
import { seedFromGithub, seedFromPlatform } from './known-good.js';
import { pruneReleases } from './prune.js';
import { detectStartCommand } from './start-command.js';

/** A deploy's lock lives this long without a refresh; every look and pause refreshes it. */
const LOCK_TTL_MS = 10 * 60 * 1000;
/** Pauses and holds wake this often to refresh the lock, watch the canary and notice a cancel. */
const TICK_MS = 1000;

/** Deploys `plan.artifact` as a canary of `plan.environment`; the outcome carries the action's outputs. */
export async function deployCanary(plan: DeployPlan, seams: DeploySeams): Promise<DeployOutcome> {
  const lock = await acquire({
    stateDir: plan.stateDir,
    environment: plan.environment,
    owner: plan.owner,
    runId: plan.runId,
    ttlMs: LOCK_TTL_MS,
    clock: seams.clock,
  });
  if (lock.tookOver) seams.logger.warning(`took over a stale lock: ${lock.tookOver}`);
  let router: Promise<TrafficRouter> | undefined;
  let rollout: Rollout | undefined;
  try {
    // Every write first checks that the lock is still ours: once a rollback has taken it over, this run acts no more.
    const ledger = await Ledger.open(plan.stateDir, plan.environment, seams.clock, {
      audit: plan.audit ?? {},
      guard: () => lock.refresh(),
      logger: seams.logger,
    });
    const context = routerContext(plan, seams);
    const host = seams.host ?? releaseHost(plan.provider, context);
    // The release is verified before anything else starts: a bad archive changes nothing on the host.
    const release = await host.prepare({
      artifact: plan.artifact,
      version: plan.version,
      stateDir: plan.stateDir,
      environment: plan.environment,
    });
    // The router is made on first use, so a release that never starts moves nothing (no proxy started either).
    const getRouter = (): Promise<TrafficRouter> => (router ??= routerFor(plan.provider, context));
    // On a platform, releases outlive the runner: a fresh runner's empty ledger learns from GitHub what is live.
    // A platform that can say what runs (a cluster) is asked first; GitHub's history otherwise.
    if (host.live) await seedFromPlatform(ledger, host, 2, plan.runId, seams.logger, new Date(seams.clock.now()));
    else if (host.platform)
      await seedFromGithub(ledger, seams.knownGood, 2, plan.runId, seams.logger, new Date(seams.clock.now()));
    // A provider's settings are checked up front all the same, when the router is cheap to check.
    if (plan.provider !== 'local') await getRouter();
    rollout = new Rollout(plan, { ...seams, host }, ledger, getRouter, lock, release);
    try {
      return await rollout.run();
    } catch (err) {
      rollout.reportFailure(errorMessage(err));
      // A rollback took the environment over: it owns the canary now, and this run touches nothing more.
      if (isLockLost(err)) throw err;
      // Whatever went wrong, a canary this run started does not stay half-routed.
      const left = ledger.unfinished();
      if (left && left.runId === plan.runId && left.phase !== 'paused')
        await abortCanary(rollout.abortContext(), `the deploy stopped on an error: ${(err as Error).message}`).catch(
          (e: Error) => seams.logger.error(`could not roll back after the error: ${e.message}`),
        );
      throw err;
    }
  } finally {
    await rollout?.flush();
    await router?.then((r) => r.close()).catch(() => {});
    await lock.release().catch(() => false);
  }
}

/** One run of the state machine. */
class Rollout {
  private readonly host: ReleaseHost;
  private readonly clock: Clock;
  private readonly steps: StepReport[] = [];
  private readonly startedAt: string;
  private previousId = '';
  /** Reports to GitHub in flight; awaited once at the end so that a slow API never slows the rollout. */
  private readonly reports: Promise<void>[] = [];
  private reported = false;
  private weight = 0;

  constructor(
    private readonly plan: DeployPlan,
    private readonly seams: DeploySeams,
    private readonly ledger: Ledger,
    private readonly router: () => Promise<TrafficRouter>,
    private readonly lock: LockHandle,
    private readonly prepared: PreparedRelease,
  ) {
    this.host = seams.host ?? defaultHost;
    this.clock = seams.clock ?? systemClock;
    this.startedAt = new Date(this.clock.now()).toISOString();
  }

  private frontDoor = '';

  private get url(): string {
    return this.plan.frontDoorUrl || this.frontDoor;
  }

  /** The router, noting its front door for the outputs. */
  private async routed(): Promise<TrafficRouter> {
    const router = await this.router();
    this.frontDoor = router.frontDoor;
    return router;
  }

  private get cancelled(): boolean {
    return this.seams.signal?.aborted === true;
  }

  /** Sends a report to the deployment recorder, if there is one and the rollout has started. */
  private tell(report: (d: NonNullable<DeploySeams['deployments']>) => Promise<void>): void {
    const d = this.seams.deployments;
    if (d && this.reported) this.reports.push(report(d).catch(() => {}));
  }

  /** A deploy that ended on an error is a failed deployment on GitHub too. */
  reportFailure(reason: string): void {
    this.tell((d) => d.failed(reason));
  }

  /** Waits for the reports in flight. */
  async flush(): Promise<void> {
    await Promise.allSettled(this.reports);
  }

  /** What the shared abort path needs, as of now. */
  abortContext(): AbortContext {
    const { ledger, host, clock } = this;
    const router = () => this.routed();
    const { logger } = this.seams;
    return {
      ledger,
      router,
      host,
      clock,
      logger,
      runId: this.plan.runId,
      drainMs: this.plan.drainMs,
      cancelled: this.cancelled,
    };
  }

  async run(): Promise<DeployOutcome> {
    const { plan, ledger } = this;
    const { logger } = this.seams;
    const release = this.prepared;
    logger.info(`release ${release.id} (${release.digest}) ready in ${release.dir}`);
    let resumeAt: number | undefined;
    const left = ledger.unfinished();
    if (left) {
      const alive = this.host.alive(left.release.pid);
      if (left.phase === 'paused' && left.release.id === release.id && alive) {
        resumeAt = left.stepIndex;
        this.weight = left.weight;
        logger.info(`resuming the paused canary ${release.id} at ${left.weight}%`);
      } else {
        const why = `run ${left.runId} left canary ${left.release.id} ${left.phase} at ${left.weight}%`;
        logger.warning(`${why}: rolling it back before this deploy`);
        await abortCanary(this.abortContext(), `${why}; rolled back by run ${plan.runId}`);
      }
    }
    let stable = ledger.document.stable;
    // A stable release whose process is gone (slipway down, a reboot) serves nothing to compare against.
    if (resumeAt === undefined && stable?.pid !== undefined && !this.host.alive(stable.pid)) {
      logger.warning(
        `the stable release ${stable.id} is not running (pid ${stable.pid} is gone): deploying as a first release`,
      );
      stable = undefined;
    }
    this.previousId = ledger.document.stable?.id ?? '';
    if (resumeAt === undefined && stable && stable.id === release.id) {
      // The front door may have lost its routing since (HAProxy restarted from its file, an nginx
      // upstream file put back): where it can, routing it to stable again mends that.
      const router = await this.routed();
      await router.reassert?.(plain(stable));
      return this.end(
        'promoted',
        `${release.id} is already the stable release of ${plan.environment}; ${router.reassert ? 'its traffic is routed to it again, ' : ''}nothing else to do`,
      );
    }
    if (resumeAt === undefined) {
      const started = await this.startCanary(release);
      if (started) return started;
      if (!stable) return this.promoteFirst();
    }
    return this.stepThrough(resumeAt ?? 0, resumeAt !== undefined);
  }

  /** Runs the pre-deploy hook, starts the release and waits for it; an outcome when it ends the deploy there. */
  private async startCanary(release: PreparedRelease): Promise<DeployOutcome | undefined> {
    const { plan, ledger } = this;
    const { logger } = this.seams;
    this.reported = true;
    this.tell((d) =>
      d.start({
        ref: plan.gitRef || release.version,
        environment: plan.environment,
        releaseId: release.id,
        version: release.version,
        description: `canary of ${release.id}`,
      }),
    );
    if (plan.hooks.preDeploy) {
      const hook = await this.hook('pre-deploy-command', plan.hooks.preDeploy);
      if (!hook.ok) return this.end('failed', `${hook.reason}; nothing was deployed`);
    }
    const now = new Date(this.clock.now()).toISOString();
    const record = {
      id: release.id,
      version: release.version,
      upstream: '',
      dir: release.dir,
      startedAt: now,
      digest: release.digest,
    };
    await ledger.transition({ to: 'starting', canary: record, weight: 0, stepIndex: 0 }, plan.runId);
    let running;
    let command: string;
    try {
      // On a platform, deploy-command starts the release: there is no command of ours to find.
      command = this.host.platform ? '' : plan.startCommand || (await detectStartCommand(release.dir));
      running = await this.host.start({
        release,
        command,
        env: this.seams.env,
        ...(ledger.document.stable ? { previousReleaseId: ledger.document.stable.id } : {}),
      });
    } catch (err) {
      await ledger.transition({ to: 'failed', note: (err as Error).message }, plan.runId);
      throw err;
    }
    await ledger.transition(
      {
        to: 'starting',
        canary: {
          ...record,
          upstream: running.upstream,
          ...(running.pid !== undefined ? { pid: running.pid } : {}),
          ...(command ? { command } : {}),
        },
      },
      plan.runId,
    );
    logger.info(
      running.pid !== undefined
        ? `started ${release.id} as pid ${running.pid} on ${running.upstream}; waiting for ${plan.healthPath}`
        : `deployed ${release.id} to ${this.host.platform ?? 'its platform'}${running.upstream ? ` at ${running.upstream}; waiting for ${plan.healthPath}` : ' (it printed no URL: its traffic decides)'}`,
    );
    const ready = await this.host.waitReady(running, {
      healthPath: plan.healthPath,
      timeoutMs: plan.readyTimeoutMs,
      clock: this.clock,
      ...(this.seams.signal ? { signal: this.seams.signal } : {}),
    });
    if (!ready.ready) {
      const reason = `${release.id} never became ready: ${ready.reason}; no traffic reached it`;
      await abortCanary(this.abortContext(), reason, 'failed');
      return this.end('failed', reason);
    }
    await ledger.transition({ to: 'ready' }, plan.runId);
    logger.info(`${release.id} answered ${plan.healthPath} after ${ready.attempts} attempt(s)`);
    return undefined;
  }

  /** The first release of an environment: nothing to compare against, so it takes all traffic once ready. */
  private async promoteFirst(): Promise<DeployOutcome> {
    const canary = this.ledger.unfinished()!;
    await this.ledger.transition({ to: 'promoting', weight: 100 }, this.plan.runId);
    await (await this.routed()).setWeights(undefined, plain(canary.release), 100);
    this.weight = 100;
    await this.ledger.promote(this.plan.runId, 'first release of the environment');
    return this.afterPromotion(
      undefined,
      `first release of ${this.plan.environment}: ready, and now takes all traffic`,
    );
  }

  /** Steps from `from`; `resumed` skips the pause before the last step (this run is the judgement it waited for). */
  private async stepThrough(from: number, resumed: boolean): Promise<DeployOutcome> {
    const { plan, ledger } = this;
    const { logger } = this.seams;
    const router = await this.routed();
    const steps = plan.steps;
    const finalIndex = steps.at(-1)!.weight === 100 ? steps.length - 1 : steps.length;
    const stable = ledger.document.stable!;
    const canary = () => ledger.unfinished()!.release;
    for (let i = from; i <= steps.length; i++) {
      if (i === finalIndex) {
        if (!plan.autoPromote && !resumed) {
          await ledger.transition({ to: 'paused', stepIndex: i }, plan.runId);
          return this.end(
            'paused',
            `holding ${canary().id} at ${this.weight}% (auto-promote is false): run again to promote it`,
          );
        }
        if (plan.hooks.confirmPromotion) {
          const held = await this.holdForConfirmation(i);
          if (held) return held;
        }
      }
      if (i === steps.length) break;
      const step = steps[i]!;
      await ledger.transition({ to: 'stepping', weight: step.weight, stepIndex: i }, plan.runId);
      await router.setWeights(plain(stable), plain(canary()), step.weight);
      this.weight = step.weight;
      this.tell((d) => d.progress(step.weight, `${canary().id}: step ${i + 1} of ${steps.length}`));
      logger.info(`step ${i + 1} of ${steps.length}: ${step.weight}% of traffic on ${canary().id}`);
      if (step.pauseMs > 0 && !(await this.wait(step.pauseMs)))
        return this.rollBack(this.cancelled ? 'the run was cancelled' : 'the canary process exited during a pause');
      const report = await this.analyse(i, step.weight);
      logger.info(`step ${i + 1} (${step.weight}%): ${report.verdict}: ${report.reason}`);
      if (report.verdict !== 'pass') return this.rollBack(`step ${i + 1} at ${step.weight}%: ${report.reason}`);
    }
    return this.promote();
  }

  private async analyse(index: number, weight: number): Promise<StepReport> {
    const canary = this.ledger.unfinished()!.release;
    const report = await analyseStep({
      router: await this.routed(),
      canary: plain(canary),
      stable: weight < 100 ? plain(this.ledger.document.stable!) : undefined,
      index,
      weight,
      windowMs: this.plan.stepAnalysisMs,
      minRequests: this.plan.minRequests,
      // A platform's release without a URL of its own is judged on its traffic alone.
      healthUrl: canary.upstream ? `${canary.upstream}${this.plan.healthPath}` : '',
      maxErrorRate: this.plan.maxErrorRate,
      clock: this.clock,
      logger: this.seams.logger,
      ...(this.seams.signal ? { signal: this.seams.signal } : {}),
      canaryAlive: () => canary.pid === undefined || this.host.alive(canary.pid),
      onLook: () => this.lock.refresh(),
    });
    this.steps.push(report);
    return report;
  }

  /** Holds the canary at its weight, analysing, until the gate says yes; ends `paused` when it never does. */
  private async holdForConfirmation(index: number): Promise<DeployOutcome | undefined> {
    const { plan, clock } = this;
    const deadline = clock.monotonic() + plan.confirmTimeoutMs;
    for (;;) {
      const gate = await this.hook('confirm-promotion-command', plan.hooks.confirmPromotion!);
      if (gate.ok) return undefined;
      this.seams.logger.info(`${gate.reason}: holding at ${this.weight}%`);
      if (clock.monotonic() >= deadline) {
        await this.ledger.transition({ to: 'paused', stepIndex: index, note: gate.reason }, plan.runId);
        return this.end(
          'paused',
          `${gate.reason} for ${formatDuration(plan.confirmTimeoutMs)}: holding at ${this.weight}%; run again to promote`,
        );
      }
      // Holding is no reason to stop watching: a regression still rolls back.
      const report = await this.analyse(Math.max(0, index - 1), this.weight);
      if (report.verdict !== 'pass')
        return this.rollBack(`while waiting for confirmation at ${this.weight}%: ${report.reason}`);
    }
  }

  private async promote(): Promise<DeployOutcome> {
    const { ledger, plan } = this;
    const previous = ledger.document.stable;
    const canary = ledger.unfinished()!.release;
    await ledger.transition({ to: 'promoting', weight: 100 }, plan.runId);
    // The canary takes the stable slot with all traffic, in one operation.
    await (await this.routed()).setWeights(plain(canary), undefined, 0);
    this.weight = 100;
    await ledger.promote(plan.runId);
    const passed = this.steps.length;
    return this.afterPromotion(previous, `${canary.id} passed ${passed} step(s) of analysis and takes all traffic`);
  }

  /** Post-promote hook, drain and stop of the old stable, pruning of old releases. */
  private async afterPromotion(
    previous: DeepReadonly<ReleaseRecord> | undefined,
    reason: string,
  ): Promise<DeployOutcome> {
    const { plan } = this;
    let text = reason;
    if (plan.hooks.postPromote) {
      const hook = await this.hook('post-promote-command', plan.hooks.postPromote);
      if (!hook.ok) {
        this.seams.logger.warning(hook.reason);
        text += `; ${hook.reason}`;
      }
    }
    if (previous?.pid !== undefined && this.host.alive(previous.pid)) {
      this.seams.logger.info(`draining ${previous.id} for ${formatDuration(plan.drainMs)}, then stopping it`);
      await this.wait(plan.drainMs, false);
      await this.host.stop(previous.pid, STOP_GRACE_MS);
    }
    await pruneReleases(plan.stateDir, plan.environment, this.ledger.document).catch((err: Error) =>
      this.seams.logger.warning(`could not remove old releases: ${err.message}`),
    );
    return this.end('promoted', text);
  }

  private async rollBack(reason: string): Promise<DeployOutcome> {
    await abortCanary(this.abortContext(), reason);
    this.weight = 0;
    if (this.plan.hooks.onRollback) {
      const hook = await this.hook('on-rollback-command', this.plan.hooks.onRollback, reason);
      if (!hook.ok) return this.end('rolled-back', `${reason}; ${hook.reason}`);
    }
    return this.end('rolled-back', reason);
  }

  /**
   * Waits `ms` in ticks, keeping the lock; false when the run is cancelled or (if `watch`) the
   * canary's process is gone, so the caller rolls back instead of waiting on.
   */
  private async wait(ms: number, watch = true): Promise<boolean> {
    const end = this.clock.monotonic() + ms;
    const canary = this.ledger.unfinished()?.release;
    while (this.clock.monotonic() < end) {
      if (this.cancelled) return false;
      if (watch && canary?.pid !== undefined && !this.host.alive(canary.pid)) return false;
      await this.clock.sleep(Math.min(TICK_MS, end - this.clock.monotonic()));
      await this.lock.refresh();
    }
    return true;
  }

  private hook(name: HookName, command: string, reason?: string) {
    const canary = this.ledger.unfinished()?.release ?? this.ledger.document.stable;
    const context: HookContext = {
      environment: this.plan.environment,
      provider: this.plan.provider,
      releaseId: this.prepared.id,
      version: this.prepared.version,
      previousReleaseId: this.previousId,
      frontDoor: this.url,
      canaryUpstream: canary?.upstream ?? '',
      weight: this.weight,
      ...(reason !== undefined ? { reason } : {}),
    };
    const { exec, logger, env } = this.seams;
    return runHook(name, command, context, { exec, logger, env, timeoutMs: this.plan.hookTimeoutMs });
  }

  private end(result: DeployOutcome['result'], reason: string): DeployOutcome {
    if (result === 'promoted') this.tell((d) => d.succeeded(this.url, reason));
    else if (result === 'paused') this.tell((d) => d.progress(this.weight, `paused: ${reason}`));
    else this.tell((d) => d.failed(reason));
    const release = this.prepared;
    const report: DeployReport = {
      environment: this.plan.environment,
      provider: this.plan.provider,
      result,
      reason,
      release: { id: release.id, version: release.version, digest: release.digest },
      previousReleaseId: this.previousId,
      url: this.url,
      weight: this.weight,
      steps: this.steps,
      transitions: this.ledger.document.transitions.filter((t) => t.runId === this.plan.runId).map((t) => ({ ...t })),
      startedAt: this.startedAt,
      endedAt: new Date(this.clock.now()).toISOString(),
    };
    return {
      result,
      url: this.url,
      releaseId: release.id,
      previousReleaseId: this.previousId,
      weight: this.weight,
      reason,
      report,
    };
  }
}
