// The demo's report: one self-contained HTML file (uPlot, its stylesheet and the data inlined, so
// it opens offline) with two charts over the demo's time — each release's share of the users'
// requests, and each release's error rate — the pipeline runs marked on both, and the tables of
// verdicts, traffic and DORA figures.

const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** Requests bucketed by second: each release's share of the traffic, and its error rate, in percent. */
export function series(samples, bucketMs = 1000) {
  const releases = [...new Set(samples.map((s) => s.release))].sort();
  if (samples.length === 0) return { releases, xs: [], share: [], errors: [] };
  const first = Math.floor(samples[0].at / bucketMs);
  const last = Math.floor(samples.at(-1).at / bucketMs);
  const counts = new Map();
  for (const s of samples) {
    const b = Math.floor(s.at / bucketMs);
    const row = counts.get(b) ?? {};
    const c = (row[s.release] ??= { requests: 0, errors: 0 });
    c.requests++;
    if (s.status === 0 || s.status >= 500) c.errors++;
    counts.set(b, row);
  }
  const xs = [];
  const share = releases.map(() => []);
  const errors = releases.map(() => []);
  for (let b = first; b <= last; b++) {
    xs.push((b * bucketMs) / 1000);
    const row = counts.get(b) ?? {};
    const total = Object.values(row).reduce((n, c) => n + c.requests, 0);
    releases.forEach((r, i) => {
      const c = row[r];
      share[i].push(total ? Math.round((1000 * (c?.requests ?? 0)) / total) / 10 : null);
      errors[i].push(c ? Math.round((1000 * c.errors) / c.requests) / 10 : null);
    });
  }
  return { releases, xs, share, errors };
}

const PALETTE = ['#2563eb', '#16a34a', '#dc2626', '#9333ea', '#ea580c', '#0891b2', '#6b7280'];

export function renderReport({ generatedAt, runs, traffic, samples, events, metrics, uplotJs, uplotCss }) {
  const data = series(samples);
  const payload = JSON.stringify({ ...data, events, colours: PALETTE }).replace(/</g, '\\u003c');
  const row = (cells) => `<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
  const runRows = runs
    .map((r) =>
      row([
        `v${r.version}`,
        r.workflow['release-id'] ?? '',
        r.workflow.result ?? 'failed',
        r.workflow.healthy === '' ? '—' : (r.workflow.healthy ?? '—'),
        r.workflow.reason ?? '',
      ]),
    )
    .join('\n');
  const trafficRows = traffic
    .map((t) => row([t.release, t.requests, t.errors, `${((100 * t.errors) / Math.max(t.requests, 1)).toFixed(1)}%`]))
    .join('\n');
  const ms = (v) => (v === null || v === undefined ? '—' : `${(v / 1000).toFixed(0)} s`);
  const dora = metrics
    ? [
        row(['Deploys', metrics.deploys]),
        row(['Promoted', metrics.deploymentFrequency.promotions]),
        row([
          'Change failure rate',
          `${(metrics.changeFailureRate.rate * 100).toFixed(0)}% (${metrics.changeFailureRate.failures} of ${metrics.changeFailureRate.deploys})`,
        ]),
        row(['Lead time, median', ms(metrics.leadTime.medianMs)]),
        row(['Time to restore, median', ms(metrics.timeToRestore.medianMs)]),
      ].join('\n')
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>slipway demo report</title>
<style>${uplotCss}</style>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: #111827; background: #fff; }
  h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
  .muted { color: #6b7280; } table { border-collapse: collapse; margin-top: .5rem; }
  td, th { border: 1px solid #e5e7eb; padding: .3rem .6rem; text-align: left; vertical-align: top; }
  th { background: #f3f4f6; } .chart { margin-top: .5rem; }
</style>
</head>
<body>
<h1>slipway demo</h1>
<p class="muted">examples/hello-service released three times through <code>slipway-release.yml</code> by <code>slipway pipeline</code>, local provider · ${escapeHtml(generatedAt)} · ${samples.length} requests from the load generator</p>
<h2>Share of the users' requests, by release (%)</h2>
<div id="share" class="chart"></div>
<h2>Error rate, by release (% of its requests answered 5xx or not at all)</h2>
<div id="errors" class="chart"></div>
<h2>Releases</h2>
<table><tr><th>version</th><th>release</th><th>result</th><th>healthy after promotion</th><th>reason</th></tr>
${runRows}
</table>
<h2>Where the requests went</h2>
<table><tr><th>release</th><th>requests</th><th>failed</th><th>error rate</th></tr>
${trafficRows}
</table>
<h2>DORA, from the ledger's audit trail</h2>
<table>
${dora}
</table>
<script id="data" type="application/json">${payload}</script>
<script>${uplotJs}</script>
<script>
(function () {
  var d = JSON.parse(document.getElementById('data').textContent);
  function marks(u) {
    var ctx = u.ctx;
    ctx.save();
    ctx.font = (11 * devicePixelRatio) + 'px system-ui, sans-serif';
    d.events.forEach(function (e, i) {
      var x = Math.round(u.valToPos(e.at / 1000, 'x', true));
      if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) return;
      ctx.strokeStyle = '#9ca3af'; ctx.setLineDash([4, 4]); ctx.lineWidth = devicePixelRatio;
      ctx.beginPath(); ctx.moveTo(x, u.bbox.top); ctx.lineTo(x, u.bbox.top + u.bbox.height); ctx.stroke();
      ctx.fillStyle = '#374151'; ctx.fillText(e.label, x + 4, u.bbox.top + 12 * devicePixelRatio * (1 + (i % 3)));
    });
    ctx.restore();
  }
  function chart(el, values, max) {
    var opts = {
      width: Math.min(1060, window.innerWidth - 40), height: 300,
      scales: { x: { time: false }, y: { range: [0, max] } },
      axes: [{ label: 'seconds since the demo started' }, { label: '%' }],
      series: [{ label: 's' }].concat(d.releases.map(function (r, i) {
        return { label: r, stroke: d.colours[i % d.colours.length], width: 2, spanGaps: false, points: { show: false } };
      })),
      hooks: { draw: [marks] }
    };
    new uPlot(opts, [d.xs].concat(values), el);
  }
  chart(document.getElementById('share'), d.share, 100);
  chart(document.getElementById('errors'), d.errors, 100);
})();
</script>
</body>
</html>
`;
}
