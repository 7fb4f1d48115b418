import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  OutputWriter,
  RecordingLogger,
  SummaryBuilder,
  UserError,
  credentialParts,
  maskCredential,
  reportFailure,
  runAction,
  type ActionMetadata,
  type ActionSeams,
} from '../src/index.js';

/** Seams for runAction with a recording logger and nothing else. */
function seams(logger: RecordingLogger, env: NodeJS.ProcessEnv = {}): ActionSeams {
  return { env, logger, setOutput: () => {}, mask: () => {} };
}

const metadata: ActionMetadata = {
  name: 'demo',
  description: 'd',
  inputs: {},
  outputs: { result: { description: 'r' }, data: { description: 'd' } },
};

describe('runAction', () => {
  afterEach(() => {
    process.exitCode = 0;
  });

  it('reports a UserError as one line naming the input, without a stack, and exits 1', async () => {
    const log = new RecordingLogger();
    await runAction(
      'demo',
      async () => {
        throw new UserError("'x' is not a boolean.", { input: 'flag' }, 'Use true or false.');
      },
      seams(log),
    );
    expect(process.exitCode).toBe(1);
    expect(log.messages('error')).toStrictEqual(["input 'flag': 'x' is not a boolean. Use true or false."]);
    expect(log.messages('info').length).toBe(0);
  });

  it('annotates a UserError about a file with the file and line', () => {
    const log = new RecordingLogger();
    reportFailure('demo', new UserError('is broken.', { file: 'a/b.json', line: 3 }), log, false);
    expect(log.records[0]?.props?.file).toBe('a/b.json');
    expect(log.records[0]?.props?.startLine).toBe(3);
    expect(log.records[0]!.message).toMatch(/^a\/b\.json:3: is broken\./);
  });

  it('reports anything else as internal, asks for a report, and shows the stack only in debug', () => {
    const quiet = new RecordingLogger();
    reportFailure('demo', new TypeError('boom'), quiet, false);
    expect(quiet.messages('error')[0]!).toMatch(/internal error: boom\. This is a bug in slipway.*please report/);
    expect(quiet.records.map((r) => r.message)).not.toContainEqual(expect.stringContaining('at ')); // no stack without debug
    const debug = new RecordingLogger();
    reportFailure('demo', new TypeError('boom'), debug, true);
    expect(debug.messages('info')[0]!).toMatch(/TypeError: boom\n\s+at /);
  });

  it("shows an internal error's stack when the seams' environment has RUNNER_DEBUG=1", async () => {
    const log = new RecordingLogger();
    await runAction(
      'demo',
      async () => {
        throw new RangeError('deep');
      },
      seams(log, { RUNNER_DEBUG: '1' }),
    );
    expect(process.exitCode).toBe(1);
    expect(log.messages('info')[0] ?? '').toMatch(/RangeError: deep\n\s+at /);
  });

  it('leaves the exit code alone on success', async () => {
    await runAction('demo', async () => {}, seams(new RecordingLogger()));
    expect(process.exitCode).not.toBe(1);
  });
});

describe('OutputWriter', () => {
  it('writes strings as they are and structured values as JSON', () => {
    const sink: [string, string][] = [];
    const out = new OutputWriter(metadata, (n, v) => sink.push([n, v]));
    out.set('result', 'ok');
    out.set('data', { a: [1] });
    out.set('result', true);
    out.set('data', null);
    expect(sink).toStrictEqual([
      ['result', 'ok'],
      ['data', '{"a":[1]}'],
      ['result', 'true'],
      ['data', ''],
    ]);
  });
  it('refuses an output action.yml does not declare', () => {
    expect(() => new OutputWriter(metadata, () => {}).set('other', 'x')).toThrow(/not declared/);
  });
});

describe('SummaryBuilder', () => {
  it('escapes table cells so a pipe or newline cannot break the table', () => {
    const md = new SummaryBuilder().table(['a', 'b'], [['x|y', 'line1\nline2']]).toMarkdown();
    expect(md).toMatch(/\| x\\\|y \| line1<br>line2 \|/);
    expect(md.split('\n').filter((l) => l.startsWith('|')).length).toBe(3);
  });
  it('cuts at a section boundary under the limit and says so', () => {
    const s = new SummaryBuilder();
    for (let i = 0; i < 50; i++) s.text(`section ${i} ${'x'.repeat(1000)}`);
    const md = s.toMarkdown(10_000);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(10_000);
    expect(md).toMatch(/cut to stay under GitHub's 1 MiB limit/);
    expect(md).toMatch(/section 0 /);
    expect(md).not.toMatch(/section 49 /);
  });
  it('renders mermaid blocks', () => {
    expect(new SummaryBuilder().mermaid('pie\n "a" : 1').toMarkdown()).toMatch(/```mermaid\npie\n "a" : 1\n```/);
  });
});

describe('SummaryBuilder.write', () => {
  it('appends to the file GITHUB_STEP_SUMMARY names, and writes nothing without one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summary-'));
    const path = join(dir, 'summary.md');
    writeFileSync(path, 'before\n');
    await new SummaryBuilder().heading('one').write({ GITHUB_STEP_SUMMARY: path });
    await new SummaryBuilder().heading('ignored').write({});
    expect(readFileSync(path, 'utf8')).toBe('before\n## one\n\n');
    rmSync(dir, { recursive: true });
  });
});

describe('secrets', () => {
  it('masks the whole value and every credential inside it', () => {
    const masked: string[] = [];
    maskCredential('postgres://admin:s3cr%21t@db:5432/app', (v) => masked.push(v)); // slipway:allow (a test credential)
    expect(masked).toContain('postgres://admin:s3cr%21t@db:5432/app'); // slipway:allow
    expect(masked).toContain('s3cr!t');
    expect(masked).toContain('s3cr%21t');
  });
  it('finds bearer tokens and URL tokens', () => {
    expect(credentialParts('Authorization: Bearer abcdefgh12345')).toStrictEqual(['abcdefgh12345']);
    expect(credentialParts('https://ghp_tokentokentoken@github.com/x')).toStrictEqual(['ghp_tokentokentoken']);
    expect(credentialParts('no secrets here')).toStrictEqual([]);
  });
  it('masks nothing for an empty value', () => {
    const masked: string[] = [];
    maskCredential('  ', (v) => masked.push(v));
    expect(masked).toStrictEqual([]);
  });
});
