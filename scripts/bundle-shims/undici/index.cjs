// What the bundles load for `undici` (tsconfig.json's paths; see ../README.md). undici is the
// largest thing @actions/core pulls in (through @actions/http-client), and no action needs it to
// start: here it is imported on first use, from a chunk of its own. What reaches this name:
// - @actions/http-client: `new ProxyAgent(options)` when a proxy is set, a dispatcher it hands to
//   @actions/github, which passes it to `fetch`;
// - @actions/github: `fetch`.
// So ProxyAgent is a placeholder holding its options, and `fetch` loads undici and builds the real
// agent from them. slipway's own code imports `undici/index.js`, which is not mapped.
'use strict';

let loading;
const undici = () => (loading ??= import('undici/index.js'));

/** Stands for undici's ProxyAgent until `fetch` is called with it. */
class ProxyAgent {
  constructor(options) {
    this.lazyOptions = options;
  }
}

/** One real agent per placeholder, so a client's connections are reused. */
const agents = new WeakMap();

async function fetch(input, init) {
  const real = await undici();
  const dispatcher = init?.dispatcher;
  if (!(dispatcher instanceof ProxyAgent)) return real.fetch(input, init);
  let agent = agents.get(dispatcher);
  if (!agent) agents.set(dispatcher, (agent = new real.ProxyAgent(dispatcher.lazyOptions)));
  return real.fetch(input, { ...init, dispatcher: agent });
}

module.exports = { ProxyAgent, fetch };
