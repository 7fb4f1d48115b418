// The kubernetes provider's settings, checked once before anything touches the cluster: a typo found
// here costs the user one failed step, the same typo found by kubectl half-way through a rollout
// leaves a canary behind. Every problem names its input and says what to write instead.
//
// A value is never echoed whole (at most SHOWN characters), and a URL never with what precedes its
// last '@': that is where a password would be.
import { UserError, parseDuration } from '@slipway/action-kit/lite';

/** The kubernetes provider's inputs, parsed. */
export interface KubeSettings {
  /** The namespace of the stable Deployment; 'default' when not given. */
  namespace: string;
  /** The stable Deployment; the canary is `<deployment>-canary`. */
  deployment: string;
  /** The canary's image reference. */
  image: string;
  /** The canary's replica count; undefined to derive it from the stable's. */
  replicas?: number;
  /** The port the canary's container listens on; undefined to take the stable's. */
  containerPort?: number;
  /** The traffic router's name; 'replicas' when not given. */
  router: string;
  /** The HTTPRoute, Ingress or VirtualService the router edits; '' for the replicas router. */
  route: string;
  /** The kubeconfig context; '' for the current one. */
  context: string;
  /** Where the canary answers, without a trailing slash. */
  canaryUrl: string;
  /** Where the stable answers, without a trailing slash; '' when not given. */
  stableUrl: string;
  /** The kubectl program; 'kubectl' when not given. */
  kubectl: string;
  /** The container whose image is replaced; '' for the first. */
  container: string;
  /** How long one kubectl call may take, in milliseconds; 60 s when not given. */
  timeoutMs: number;
  /** The manifest file (absolute: the action resolves path inputs); '' when not given. */
  manifest: string;
  /** Prometheus, for the routers' live traffic per Deployment; '' when not given. */
  prometheusUrl: string;
  /** PromQL of a request counter (and of its 5xx part), `$deployment` standing for the Deployment's name; '' without prometheus-url. */
  requestsQuery: string;
  errorsQuery: string;
}

const SHOWN = 80;
const DEFAULT_TIMEOUT_MS = 60_000;
const LABEL = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;
// The OCI distribution grammar (distribution/reference), one piece at a time so that an error can
// say which piece is wrong.
const REGISTRY = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::\d+)?$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
// What the routers other than replicas edit, for the hint that asks for one.
const ROUTE_KINDS: Readonly<Record<string, string>> = {
  'gateway-api': 'HTTPRoute',
  'ingress-nginx': 'Ingress',
  istio: 'VirtualService',
};

/**
 * Parses the kubernetes provider's raw inputs (a missing key is empty); `routers` are the router
 * names it has. A rollback deploys no release: with `release: false`, image and canary-url may be
 * empty ('' then), and are checked only when given.
 */
export function parseKubeSettings(
  settings: Readonly<Record<string, string>>,
  routers: readonly string[],
  options: { release?: boolean } = {},
): KubeSettings {
  const needed = options.release ?? true;
  const given = (value: string, input: string, what: string): string => (needed ? required(value, input, what) : value);
  const read = (input: string): string => {
    const value = (settings[input] ?? '').trim();
    const c = CONTROL.exec(value)?.[0];
    if (c !== undefined)
      throw new UserError(
        `contains ${describeControl(c)} at character ${value.indexOf(c) + 1}.`,
        { input },
        'Write it on one line, without control characters.',
      );
    return value;
  };

  const namespace = label(read('namespace') || 'default', 'namespace', 63, 'namespace', 'shop');
  const deployment = label(
    required(read('deployment'), 'deployment', 'the name of the stable Deployment, such as web'),
    'deployment',
    56,
    'Deployment',
    'web',
  );
  const imageText = given(read('image'), 'image', "the canary's image, such as ghcr.io/acme/web:1.2.0");
  const image = imageText && imageReference(imageText);
  const replicas = wholeNumber(read('replicas'), 'replicas', 1, 1000);
  const containerPort = wholeNumber(read('container-port'), 'container-port', 1, 65535);
  const router = oneOfRouters(read('router') || 'replicas', routers);
  const route = routeName(read('route'), router, routers);
  const context = contextName(read('kube-context'));
  const prometheusUrl = url(read('prometheus-url'), 'prometheus-url');
  // With Prometheus, live traffic can judge the canary: an address to probe is then optional.
  const canaryText = read('canary-url');
  const canaryUrl = url(
    prometheusUrl
      ? canaryText
      : given(
          canaryText,
          'canary-url',
          'where the canary answers, such as https://canary.example.com, or a prometheus-url',
        ),
    'canary-url',
  );
  const requestsQuery = trafficQuery(read('requests-query'), 'requests-query', prometheusUrl);
  const errorsQuery = trafficQuery(read('errors-query'), 'errors-query', prometheusUrl);
  const stableUrl = url(read('stable-url'), 'stable-url');
  const kubectl = program(read('kubectl') || 'kubectl');
  const containerName = read('container');
  const container = containerName && label(containerName, 'container', 63, 'container', 'app');
  const timeoutMs = timeout(read('command-timeout'));
  // Read (and checked) when the deploy needs it: manifest.ts.
  const manifest = read('manifest');
  return Object.freeze({
    namespace,
    deployment,
    image,
    // Absent rather than undefined: what the user left empty is not there.
    ...(replicas === undefined ? {} : { replicas }),
    ...(containerPort === undefined ? {} : { containerPort }),
    router,
    route,
    context,
    canaryUrl,
    stableUrl,
    kubectl,
    container,
    timeoutMs,
    manifest,
    prometheusUrl,
    requestsQuery,
    errorsQuery,
  });
}

/** Longer PromQL is refused: record it as a Prometheus recording rule and query that. */
const MAX_QUERY = 10_000;

/** A counter query for the live traffic: needed with prometheus-url, naming `$deployment`. */
function trafficQuery(value: string, input: string, prometheusUrl: string): string {
  if (!prometheusUrl) {
    if (value !== '')
      throw new UserError(
        'is given without prometheus-url.',
        { input },
        'Give prometheus-url too, or leave the query empty (the canary is then judged on canary-url alone).',
      );
    return '';
  }
  const example =
    input === 'requests-query'
      ? 'sum(http_requests_total{namespace="shop", pod=~"$deployment-[a-z0-9]+-[a-z0-9]+"})'
      : 'sum(http_requests_total{namespace="shop", pod=~"$deployment-[a-z0-9]+-[a-z0-9]+", code=~"5.."})';
  const what = `a PromQL counter of ${input === 'requests-query' ? 'all requests' : 'the 5xx answers'}, with $deployment where the Deployment's name goes, such as ${example}`;
  required(value, input, what);
  if (value.length > MAX_QUERY)
    throw new UserError(
      `is ${value.length} characters long; at most ${MAX_QUERY}.`,
      { input },
      'Record long expressions as Prometheus recording rules and query those.',
    );
  if (!value.includes('$deployment'))
    throw new UserError(
      'does not name $deployment: it would count the stable and the canary alike.',
      { input },
      `Write ${what}.`,
    );
  return value;
}

function required(value: string, input: string, what: string): string {
  if (value === '') throw new UserError('is required but empty.', { input }, `Give ${what}.`);
  return value;
}

function label(value: string, input: string, max: number, kind: string, example: string): string {
  const hint = `Write a ${kind} name of at most ${max} lowercase letters, digits and '-', starting and ending with a letter or digit, such as ${example}.`;
  if (!LABEL.test(value)) throw new UserError(`${quote(value)} is not a valid ${kind} name.`, { input }, hint);
  if (value.length > max) {
    // Only the Deployment is held below Kubernetes' 63: its canary's name adds '-canary'.
    const why = max < 63 ? "; the canary's name, with '-canary' appended, would pass Kubernetes' limit of 63" : '';
    throw new UserError(`${quote(value)} is ${value.length} characters long${why}.`, { input }, hint);
  }
  return value;
}

function imageReference(value: string): string {
  const fail = (problem: string, hint = 'Write an image reference such as ghcr.io/acme/web:1.2.0.'): never => {
    throw new UserError(`${quote(value)} ${problem}.`, { input: 'image' }, hint);
  };
  if (/\s/.test(value)) fail('contains whitespace');
  if (value.length > 512)
    fail(`is ${value.length} characters long`, 'Write an image reference of at most 512 characters.');
  const at = value.indexOf('@');
  const name = at < 0 ? value : value.slice(0, at);
  if (at >= 0 && !DIGEST.test(value.slice(at + 1)))
    fail('has a malformed digest', 'Write the digest as @sha256: followed by 64 lowercase hexadecimal digits.');
  // A ':' after the last '/' starts the tag; one before it is the registry's port.
  const colon = name.lastIndexOf(':');
  const tagged = colon > name.lastIndexOf('/');
  if (tagged && !TAG.test(name.slice(colon + 1)))
    fail(
      'has a malformed tag',
      "Write a tag of up to 128 letters, digits, '_', '.' and '-', not starting with '.' or '-', such as :1.2.0.",
    );
  const parts = (tagged ? name.slice(0, colon) : name).split('/');
  // As Docker reads it: the first of several parts is a registry when it could not be a path component.
  const first = parts[0]!;
  if (parts.length > 1 && (/[.:A-Z]/.test(first) || first === 'localhost')) {
    if (!REGISTRY.test(first))
      fail(
        'has a malformed registry',
        'Write the registry as a host name with an optional port, such as registry.example.com:5000.',
      );
    parts.shift();
  }
  if (parts.some((part) => !PATH_COMPONENT.test(part)))
    fail(
      parts.some((part) => part !== part.toLowerCase() && PATH_COMPONENT.test(part.toLowerCase()))
        ? 'has uppercase letters in its repository path'
        : 'is not an image reference',
      "Write the repository path in lowercase letters and digits separated by '/', '.', '_' or '-', such as ghcr.io/acme/web:1.2.0.",
    );
  return value;
}

function oneOfRouters(value: string, routers: readonly string[]): string {
  if (routers.includes(value)) return value;
  throw new UserError(
    `${quote(value)} is not a traffic router of the kubernetes provider.`,
    { input: 'router' },
    `Use one of: ${routers.join(', ')}.`,
  );
}

function wholeNumber(value: string, input: string, min: number, max: number): number | undefined {
  if (value === '') return undefined;
  const hint = `Write a whole number from ${min} to ${max}, or leave it empty.`;
  if (!/^\d+$/.test(value)) throw new UserError(`${quote(value)} is not a whole number.`, { input }, hint);
  const n = Number(value);
  if (n < min || n > max) throw new UserError(`${quote(value)} is out of range.`, { input }, hint);
  return n;
}

function routeName(value: string, router: string, routers: readonly string[]): string {
  const others = routers.filter((r) => r !== 'replicas').join(', ');
  if (router === 'replicas') {
    if (value === '') return '';
    throw new UserError(
      'is set, but the replicas router weights by pod count and uses no route.',
      { input: 'route' },
      `Remove it, or choose a router that uses it with input 'router'${others ? ` (${others})` : ''}.`,
    );
  }
  const kind = ROUTE_KINDS[router] ?? 'object';
  required(value, 'route', `the name of the ${kind} that the ${router} router edits to move traffic`);
  if (value.length > 253 || !SUBDOMAIN.test(value))
    throw new UserError(
      `${quote(value)} is not a valid ${kind} name.`,
      { input: 'route' },
      "Write at most 253 lowercase letters, digits, '-' and '.', starting and ending with a letter or digit.",
    );
  return value;
}

function contextName(value: string): string {
  const hint =
    'Write a context name from your kubeconfig (kubectl config get-contexts), or leave it empty for the current one.';
  if (/\s/.test(value)) throw new UserError(`${quote(value)} contains whitespace.`, { input: 'kube-context' }, hint);
  if (value.length > 253)
    throw new UserError(`${quote(value)} is ${value.length} characters long.`, { input: 'kube-context' }, hint);
  return value;
}

function url(value: string, input: string): string {
  if (value === '') return '';
  const shown = quote(withoutUserInfo(value));
  const hint = 'Write an absolute http or https URL, such as https://canary.example.com.';
  if (/\s/.test(value)) throw new UserError(`${shown} contains whitespace.`, { input }, hint);
  let parsed: URL | undefined;
  try {
    parsed = new URL(value);
  } catch {
    // Not a URL at all: said below.
  }
  // The WHATWG parser also reads 'https:host' and 'https:\\host'; only the spelled-out form is accepted.
  if (!parsed || !/^https?:\/\/[^/]/i.test(value))
    throw new UserError(`${shown} is not an absolute http or https URL.`, { input }, hint);
  if (parsed.username || parsed.password || /^https?:\/\/[^/?#]*@/i.test(value))
    throw new UserError(
      `${shown} has a user name or password in it.`,
      { input },
      'Remove the user:password@ part: the URL is shown in logs and outputs.',
    );
  return value.replace(/\/+$/, '');
}

function program(value: string): string {
  if (value.length > 4096)
    throw new UserError(
      `${quote(value)} is ${value.length} characters long.`,
      { input: 'kubectl' },
      'Write the name or path of the kubectl program, such as kubectl or /usr/local/bin/kubectl.',
    );
  return value;
}

function timeout(value: string): number {
  if (value === '') return DEFAULT_TIMEOUT_MS;
  const hint = 'Write a duration from 1s to 1h, such as 90s or 5m.';
  const ms = parseDuration(value);
  if (ms === undefined) throw new UserError(`${quote(value)} is not a duration.`, { input: 'command-timeout' }, hint);
  if (ms < 1000 || ms > 3_600_000)
    throw new UserError(`${quote(value)} is out of range.`, { input: 'command-timeout' }, hint);
  return ms;
}

/** A URL as it may be shown: whatever precedes its last '@' (but the scheme) as `***`, whether it parses or not. */
function withoutUserInfo(value: string): string {
  const at = value.lastIndexOf('@');
  if (at < 0) return value;
  return `${/^[a-z][a-z0-9+.-]*:\/\//i.exec(value)?.[0] ?? ''}***${value.slice(at)}`;
}

/** A value in quotes, cut to SHOWN characters (never in the middle of a surrogate pair). */
function quote(value: string): string {
  if (value.length <= SHOWN) return `'${value}'`;
  const end = /[\uD800-\uDBFF]/.test(value[SHOWN - 1]!) ? SHOWN - 1 : SHOWN;
  return `'${value.slice(0, end)}…'`;
}

function describeControl(c: string): string {
  if (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029' || c === '\u0085') return 'a line break';
  if (c === '\t') return 'a tab';
  return `a control character (U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`;
}
