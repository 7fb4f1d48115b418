// An empty start-command takes what detect-stack finds in the release itself (a Procfile's web
// process, package.json's start script, …), so a release carries its own way to run.
import { UserError } from '@slipway/action-kit/lite';

/** The start command of the project at the root of `dir`; a UserError on start-command when there is none. */
export async function detectStartCommand(dir: string): Promise<string> {
  const { detectStack } = await import('@slipway/stack');
  const stack = await detectStack({ root: dir, maxFiles: 20_000 });
  const root = stack.projects.find((p) => p.path === '.') ?? stack.projects[0];
  const start = root?.commands.start;
  if (!start)
    throw new UserError(
      'is empty and detect-stack found no start command in the release.',
      { input: 'start-command' },
      'Give the command that runs the release, such as node server.js; it gets PORT in its environment.',
    );
  return start;
}
