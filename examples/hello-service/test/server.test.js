import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { server } from '../server.js';

const behaviour = JSON.parse(readFileSync(new URL('../behaviour.json', import.meta.url), 'utf8'));

test('answers /healthz, /readyz as behaviour.json says, / and /metrics', async () => {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
    assert.equal((await fetch(`${base}/readyz`)).status, behaviour.dependencyUp ? 200 : 503);
    assert.equal((await fetch(`${base}/`)).status, 200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    assert.match(metrics, /http_requests_total\{path="\/",code="200"\} 1/);
  } finally {
    server.close();
  }
});
