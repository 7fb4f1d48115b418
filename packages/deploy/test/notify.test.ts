// Rollback alerts against a real local HTTP receiver: the body Slack expects, retries on 5xx,
// a receiver that is down or hangs, and a webhook path (the secret) that never reaches the log.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { RecordingLogger } from '@slipway/action-kit/lite';
import { closedPort } from '../../../test/harness.js';
import { notifyWebhook, type AlertMessage } from '../src/notify.js';

const SECRET_PATH = '/services/T000/B000/XyZsecretTOKEN123';

const MESSAGE: AlertMessage = {
  kind: 'rolled-back',
  environment: 'production',
  release: '2.1.0',
  previousRelease: '2.0.0',
  reason: 'step 2 at 25%: live traffic: canary 5xx rate 4.8% > stable 0.1% <p=0.001>',
  runUrl: 'https://github.com/acme/shop/actions/runs/42',
};

/** What the receiver does with each request, in order; the last one repeats. */
type Behaviour = 'ok' | 'fail' | 'busy' | 'hang' | 'reject';

let server: Server;
let base = '';
let plan: Behaviour[] = ['ok'];
let received: { path: string; contentType: string; body: unknown }[] = [];

function handle(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push({
      path: req.url ?? '',
      contentType: req.headers['content-type'] ?? '',
      body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
    });
    const behaviour = plan[Math.min(received.length - 1, plan.length - 1)]!;
    if (behaviour === 'hang') return; // never answers; the connection is closed in afterEach
    const [status, text] = {
      ok: [200, 'ok'],
      fail: [500, `error at ${req.url}`],
      busy: [429, 'rate_limited'],
      reject: [400, 'invalid_payload'],
    }[behaviour] as [number, string];
    // No keep-alive: a pooled socket that afterEach closes would fail the next test's first attempt.
    res.writeHead(status, { 'content-type': 'text/plain', connection: 'close' }).end(text);
  });
}

const noSleep = { sleeps: [] as number[], sleep: async (ms: number) => void noSleep.sleeps.push(ms) };

function send(url: string, logger: RecordingLogger, over: { timeoutMs?: number; retries?: number } = {}) {
  return notifyWebhook(url, MESSAGE, { logger, sleep: noSleep.sleep, timeoutMs: 5000, ...over });
}

/** Every line logged at any level must be free of the webhook's secret path. */
function expectNoSecret(logger: RecordingLogger): void {
  for (const r of logger.records) {
    expect(r.message).not.toContain('XyZsecretTOKEN123');
    expect(r.message).not.toContain('/services/');
  }
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterEach(() => {
  plan = ['ok'];
  received = [];
  noSleep.sleeps = [];
  // A hanging request's socket would otherwise keep the server open.
  server.closeAllConnections();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

describe('notifyWebhook', () => {
  it('posts Slack-compatible JSON: a text line and section blocks with the fields', async () => {
    const logger = new RecordingLogger();
    expect(await send(base + SECRET_PATH, logger)).toBe(true);
    expect(received).toHaveLength(1);
    const { path, contentType, body } = received[0]!;
    expect(path).toBe(SECRET_PATH);
    expect(contentType).toBe('application/json');
    expect(body).toStrictEqual({
      text:
        ':rotating_light: production rolled back 2.1.0 → 2.0.0: step 2 at 25%: live traffic: canary 5xx rate 4.8% &gt; ' +
        'stable 0.1% &lt;p=0.001&gt; (https://github.com/acme/shop/actions/runs/42)',
      blocks: [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: ':rotating_light: production rolled back 2.1.0 → 2.0.0: step 2 at 25%: live traffic: canary 5xx rate 4.8% &gt; stable 0.1% &lt;p=0.001&gt;',
          },
        },
        {
          type: 'section',
          fields: [
            { type: 'mrkdwn', text: '*Environment*\nproduction' },
            { type: 'mrkdwn', text: '*Versions*\n2.1.0 → 2.0.0' },
            {
              type: 'mrkdwn',
              text: '*Reason*\nstep 2 at 25%: live traffic: canary 5xx rate 4.8% &gt; stable 0.1% &lt;p=0.001&gt;',
            },
            { type: 'mrkdwn', text: '*Run*\n<https://github.com/acme/shop/actions/runs/42|workflow run>' },
          ],
        },
      ],
    });
    expect(logger.records).toStrictEqual([]);
  });

  it('says a failed deploy failed, and leaves out the run link it does not have', async () => {
    const failed: AlertMessage = { ...MESSAGE, kind: 'failed', reason: 'never became ready' };
    delete failed.runUrl;
    expect(await notifyWebhook(base + SECRET_PATH, failed, { logger: new RecordingLogger() })).toBe(true);
    const body = received[0]!.body as { text: string; blocks: { fields?: unknown[] }[] };
    expect(body.text).toBe(':x: production deploy of 2.1.0 failed (still on 2.0.0): never became ready');
    expect(body.blocks[1]!.fields).toHaveLength(3);
  });

  it('retries a 500 twice, with backoff, and succeeds on the third attempt', async () => {
    plan = ['fail', 'fail', 'ok'];
    const logger = new RecordingLogger();
    expect(await send(base + SECRET_PATH, logger)).toBe(true);
    expect(received).toHaveLength(3);
    expect(noSleep.sleeps).toStrictEqual([500, 1000]);
    expect(logger.messages('warning')).toStrictEqual([]);
    expectNoSecret(logger);
  });

  it('retries a 429 and gives up after its retries with one warning naming the host only', async () => {
    plan = ['busy'];
    const logger = new RecordingLogger();
    expect(await send(base + SECRET_PATH, logger)).toBe(false);
    expect(received).toHaveLength(4);
    expect(noSleep.sleeps).toStrictEqual([500, 1000, 2000]);
    expect(logger.messages('warning')).toStrictEqual([
      `could not send the alert to ${base}/… (4 attempts): HTTP 429 rate_limited`,
    ]);
    expectNoSecret(logger);
  });

  it('does not retry a 400', async () => {
    plan = ['reject'];
    const logger = new RecordingLogger();
    expect(await send(base + SECRET_PATH, logger)).toBe(false);
    expect(received).toHaveLength(1);
    expect(logger.messages('warning')).toStrictEqual([
      `could not send the alert to ${base}/… (1 attempt): HTTP 400 invalid_payload`,
    ]);
  });

  it('never logs the path when a 500 answer echoes it', async () => {
    plan = ['fail'];
    const logger = new RecordingLogger();
    expect(await send(base + SECRET_PATH, logger, { retries: 1 })).toBe(false);
    expect(logger.messages('warning')).toHaveLength(1);
    expect(logger.messages('warning')[0]).toMatch(/HTTP 500 error at \/…/);
    expectNoSecret(logger);
  });

  it('returns false with one warning, and no secret, when the receiver is down', async () => {
    const logger = new RecordingLogger();
    const down = `http://127.0.0.1:${await closedPort()}${SECRET_PATH}`;
    expect(await send(down, logger)).toBe(false);
    const warnings = logger.messages('warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^could not send the alert to http:\/\/127\.0\.0\.1:\d+\/… \(4 attempts\): .*ECONNREFUSED/,
    );
    expectNoSecret(logger);
  });

  it('gives up on a receiver that never answers, after its timeout per attempt', async () => {
    plan = ['hang'];
    const logger = new RecordingLogger();
    expect(await send(base + SECRET_PATH, logger, { timeoutMs: 200, retries: 1 })).toBe(false);
    expect(received).toHaveLength(2);
    expect(logger.messages('warning')).toStrictEqual([
      `could not send the alert to ${base}/… (2 attempts): no answer within 200 ms`,
    ]);
    expectNoSecret(logger);
  });

  it('refuses what is not an http(s) URL without echoing it', async () => {
    const logger = new RecordingLogger();
    expect(await send('hooks.slack.com/services/T000/B000/XyZsecretTOKEN123', logger)).toBe(false);
    expect(logger.messages('warning')).toStrictEqual([
      'could not send the alert: the webhook URL is not an http(s) URL',
    ]);
    expect(received).toHaveLength(0);
  });
});
