// A third-party action that cannot run locally as it is (it talks to GitHub, or installs tools),
// replaced by a stand-in that does the local equivalent and says what it left out.
import type { Logger } from '@slipway/action-kit/lite';
import type { ArtifactService } from '../artifact-service.js';

/** What a command printed and how it ended. */
export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** What a stand-in is given. */
export interface StandInContext {
  /** The step's with: values, as strings, with the action's own defaults where GitHub's action has them. */
  with: Record<string, string>;
  workspace: string;
  /** The job's runner.temp. */
  temp: string;
  /** The run's folder (artifacts, attestations, SARIF). */
  runDir: string;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  artifacts: ArtifactService;
  exec(command: string, args: readonly string[]): Promise<ExecResult>;
}

/** One stand-in: the action it replaces (owner/repo, or owner/repo/path) and what it does instead. */
export interface StandIn {
  uses: string;
  /** One sentence for the docs and the log: what runs locally instead. */
  description: string;
  run(context: StandInContext): Promise<Record<string, string>>;
}
