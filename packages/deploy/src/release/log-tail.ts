// The end of a release's log, for the messages that say why it did not start: what it printed
// last is nearly always the reason.
import { open } from 'node:fs/promises';
import { redactCredentials } from '@slipway/action-kit/lite';

/** Lines enough for a stack trace's top, few enough to read in an annotation. */
const TAIL_LINES = 20;
/** Read no more than this from the end: a chatty release can write gigabytes. */
const TAIL_BYTES = 16 * 1024;

/** The log's last lines, credentials in URLs masked, as ` Its log ends with:\n…` (or says it is empty). */
export async function logTail(logFile: string): Promise<string> {
  let text = '';
  try {
    const fh = await open(logFile, 'r');
    try {
      const { size } = await fh.stat();
      const length = Math.min(size, TAIL_BYTES);
      const { buffer, bytesRead } = await fh.read(Buffer.alloc(length), 0, length, size - length);
      text = buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await fh.close();
    }
  } catch {
    return ` Its log ${logFile} cannot be read.`;
  }
  const lines = text.replace(/\s+$/, '').split('\n').slice(-TAIL_LINES);
  if (lines.join('') === '') return ` Its log ${logFile} is empty.`;
  return ` Its log ${logFile} ends with:\n${redactCredentials(lines.join('\n'))}`;
}
