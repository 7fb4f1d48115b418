// The setup-* stand-ins share this: they install nothing, and check that the runtime already on
// PATH is the one the workflow asks for (a different major version is a warning, none is a failure).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '@slipway/action-kit/lite';
import type { StandInContext } from './stand-in.js';

/** The version the step asks for: its version input, else the first line of its version file. */
export function askedVersion(context: StandInContext, input: string, fileInput: string): string {
  const given = context.with[input]?.trim();
  if (given) return given.split('\n')[0]!.trim();
  const file = context.with[fileInput]?.trim();
  if (!file) return '';
  const path = join(context.workspace, file);
  if (!existsSync(path)) return '';
  const text = readFileSync(path, 'utf8');
  const go = /^go\s+(\S+)/m.exec(text);
  if (go) return go[1]!;
  return text.split('\n')[0]!.replace(/^v/, '').trim();
}

/** Runs `tool args`, reads its version with the pattern, and compares it with what was asked. */
export async function checkTool(
  context: StandInContext,
  action: string,
  tool: string,
  args: string[],
  pattern: RegExp,
  asked: string,
): Promise<string> {
  const ran = await context.exec(tool, args).catch(() => ({ code: 127, stdout: '', stderr: '' }));
  const found = pattern.exec(`${ran.stdout}\n${ran.stderr}`)?.[1];
  if (ran.code !== 0 || !found)
    throw new UserError(
      `${action} (stand-in) installs nothing, and ${tool} is not on PATH.`,
      {},
      `Install ${tool}${asked ? ` ${asked}` : ''} on this machine, then run the workflow again.`,
    );
  const major = (v: string): string => v.replace(/^[^\d]*/, '').split('.')[0]!;
  const note = asked ? ` (the workflow asks for ${asked})` : '';
  if (asked && /^\d/.test(asked) && major(asked) !== major(found))
    context.logger.warning(`${action} (stand-in): ${tool} ${found} is on PATH${note}; it is used as it is`);
  else context.logger.info(`${action} (stand-in): uses ${tool} ${found} from PATH${note}`);
  return found;
}
