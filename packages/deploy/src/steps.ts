import { UserError, parseDuration } from '@slipway/action-kit/lite';
import type { Step } from './types.js';

/** The longest pause a step may hold (a job runs for at most 6 hours on GitHub-hosted runners). */
const MAX_PAUSE_MS = 6 * 60 * 60 * 1000;

/**
 * Parses `steps`: canary percentages separated by commas, each optionally followed by a pause
 * (`10,25:2m,50,100`). Weights rise strictly from 1 to 100; the last step need not be 100, since
 * promotion sends all traffic to the canary anyway.
 */
export function parseSteps(text: string, input = 'steps'): Step[] {
  const parts = text
    .split(/[,\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0)
    throw new UserError('names no step.', { input }, 'Give canary percentages such as 10,25,50,100.');
  if (parts.length > 100) throw new UserError(`has ${parts.length} steps; at most 100.`, { input });
  const steps: Step[] = [];
  for (const part of parts) {
    const m = /^(\d{1,3})(?:\s*%)?(?:\s*:\s*(.+))?$/.exec(part);
    if (!m)
      throw new UserError(
        `'${part.slice(0, 40)}' is not a step.`,
        { input },
        'Write a percentage, optionally with a pause: 25 or 25:2m.',
      );
    const weight = Number(m[1]);
    if (weight < 1 || weight > 100)
      throw new UserError(`'${part}' asks for ${weight}% of the traffic; a step takes 1 to 100.`, { input });
    const previous = steps.at(-1);
    if (previous && weight <= previous.weight)
      throw new UserError(
        `'${part}' does not rise above the step before it (${previous.weight}%).`,
        { input },
        'Give the percentages in increasing order, such as 10,25,50,100.',
      );
    let pauseMs = 0;
    if (m[2] !== undefined) {
      const pause = parseDuration(m[2]);
      if (pause === undefined || pause > MAX_PAUSE_MS)
        throw new UserError(
          `'${part}' has a pause that is not a duration up to 6h.`,
          { input },
          'Write the pause as a duration, such as 30s, 2m or 1h.',
        );
      pauseMs = pause;
    }
    steps.push({ weight, pauseMs });
  }
  return steps;
}
