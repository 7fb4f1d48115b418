// npm run demo, as a user runs it: slipway-release.yml three times through slipway pipeline on
// examples/hello-service (v1 and v2 promoted, v3 rolled back by its canary analysis), the summary
// printed, the HTML report written and drawn by a real browser, and no process left behind —
// also after Ctrl-C.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { REPO, makeTree, needsTool, removeTree } from './harness.js';

const DEMO = join(REPO, '.slipway', 'demo');
const REPORT = join(REPO, '.slipway', 'demo-report.html');
const trees: string[] = [];
afterAll(() => trees.forEach(removeTree));

/** Processes whose working folder or command line is inside the demo's folder. */
function leftBehind(): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (/\) Z /.test(stat)) continue;
      const cwd = readlinkSync(`/proc/${pid}/cwd`);
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cwd.startsWith(DEMO) || cmdline.includes(DEMO)) found.push(`${pid}: ${cmdline.slice(0, 160)}`);
    } catch {
      /* gone meanwhile */
    }
  }
  return found;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function demo(onLine?: (line: string, child: ReturnType<typeof spawn>) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO, 'scripts', 'demo.mjs')], {
      cwd: REPO,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    });
    let stdout = '';
    let stderr = '';
    let pending = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
      pending += d;
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        onLine?.(pending.slice(0, nl), child);
        pending = pending.slice(nl + 1);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 400_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

describe('npm run demo', () => {
  it('promotes v1 and v2, rolls v3 back on its canary analysis, prints what happened and writes the report; nothing is left running', async () => {
    const run = await demo();
    expect(run.stderr).toBe('');
    expect(run).toMatchObject({ status: 0 });
    expect(run.stdout).toMatch(/v1\.0\.0 {2}promoted {5}v1\.0\.0-[0-9a-f]{12}/);
    expect(run.stdout).toMatch(
      /v2\.0\.0 {2}promoted {5}v2\.0\.0-[0-9a-f]{12}\n\s+v2\.0\.0-[0-9a-f]{12} passed 3 step\(s\) of analysis/,
    );
    expect(run.stdout).toMatch(
      /v3\.0\.0 {2}rolled-back {2}v3\.0\.0-[0-9a-f]{12}\n\s+step \d at \d+%: live traffic: canary error rate/,
    );
    // Where the users' requests went: v3 served some, and failed about a quarter of them.
    const v3 = /v3\.0\.0-[0-9a-f]{12} +(\d+) requests +(\d+) failed/.exec(run.stdout);
    expect(v3).not.toBeNull();
    expect(Number(v3![1])).toBeGreaterThan(0);
    expect(Number(v3![2]) / Number(v3![1])).toBeGreaterThan(0.1);
    expect(run.stdout).toMatch(/v2\.0\.0-[0-9a-f]{12} +\d+ requests +0 failed/);
    expect(run.stdout).toMatch(/deploys 3 {2}promoted 2 {2}change failure rate 33% \(1 of 3\)/);
    expect(run.stdout).toMatch(/Done in \d+ s: 2 releases promoted, 1 rolled back\./);
    expect(leftBehind()).toStrictEqual([]);

    const html = readFileSync(REPORT, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/); // self-contained: opens offline
    expect(html).toContain('uPlot');
    const data = JSON.parse(/<script id="data" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!) as {
      releases: string[];
      xs: number[];
      share: (number | null)[][];
    };
    expect(data.releases).toHaveLength(3);
    expect(data.xs.length).toBeGreaterThan(10);
    // At the end all traffic is back on v2, the last promoted release.
    const v2 = data.releases.findIndex((r) => r.startsWith('v2.0.0-'));
    expect(data.share[v2]!.at(-1)).toBe(100);
  }, 420_000);

  needsTool('chromium').it('the report draws its charts in a real browser (headless Chromium, offline)', () => {
    expect(existsSync(REPORT)).toBe(true);
    const dir = makeTree({}, 'slipway-demo-shot-');
    trees.push(dir);
    const shot = join(dir, 'report.png');
    const r = spawnSync(
      'chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--hide-scrollbars',
        `--user-data-dir=${join(dir, 'profile')}`,
        '--window-size=1200,1000',
        `--screenshot=${shot}`,
        `file://${REPORT}`,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(existsSync(shot)).toBe(true);
    const png = PNG.sync.read(readFileSync(shot));
    expect([png.width, png.height]).toStrictEqual([1200, 1000]);
    // The chart lines are drawn in the releases' colours: only the script (uPlot) draws those.
    const colours = { blue: [0x25, 0x63, 0xeb], green: [0x16, 0xa3, 0x4a], red: [0xdc, 0x26, 0x26] };
    const counts = Object.fromEntries(Object.keys(colours).map((k) => [k, 0])) as Record<string, number>;
    let nonWhite = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [rr, gg, bb] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      if (rr < 240 || gg < 240 || bb < 240) nonWhite++;
      for (const [name, [cr, cg, cb]] of Object.entries(colours))
        if (Math.abs(rr - cr!) < 24 && Math.abs(gg - cg!) < 24 && Math.abs(bb - cb!) < 24) counts[name]!++;
    }
    expect(r.status === 0 || existsSync(shot)).toBe(true);
    expect(nonWhite / (png.width * png.height)).toBeGreaterThan(0.02);
    for (const [name, n] of Object.entries(counts)) expect([name, n > 50]).toStrictEqual([name, true]);
  });

  it('Ctrl-C stops the pipeline and everything the demo started, and exits 130', async () => {
    let sent = false;
    const run = await demo((line, child) => {
      // Interrupt in the middle of v2's canary, when a release, the proxy and the load run.
      if (!sent && /━━ v2\.0\.0/.test(line)) {
        sent = true;
        setTimeout(() => child.kill('SIGINT'), 4_000);
      }
    });
    expect(sent).toBe(true);
    expect(run.status).toBe(130);
    expect(run.stdout).toMatch(/Ctrl-C/);
    expect(run.stdout).toMatch(/The demo was interrupted; everything it started is stopped\./);
    expect(leftBehind()).toStrictEqual([]);
  }, 420_000);
});
