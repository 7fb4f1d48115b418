// What ssh's stderr means for the user: each known failure maps to the input that fixes it. The
// first matching row wins, so host-key rows come before the rest (ssh checks the host key first,
// and a changed key's banner also mentions things the later rows look for).
import { redactCredentials, UserError } from '@slipway/action-kit/lite';
import { knownHostsName, targetLabel, type SshTarget } from './host.js';

interface Row {
  pattern: RegExp;
  input: 'host' | 'known-hosts' | 'ssh-key';
  message: (t: SshTarget) => string;
  hint: (t: SshTarget) => string;
}

const KEYSCAN = (t: SshTarget): string =>
  `Get the host's keys with 'ssh-keyscan -p ${t.port} ${t.host}', check their fingerprints against the server's own ` +
  `('ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub' there), and put the lines in known-hosts.`;
const REACH = 'Check the host and port, that sshd runs there, and that a firewall lets the runner in.';

const ROWS: Row[] = [
  {
    pattern: /REMOTE HOST IDENTIFICATION HAS CHANGED|Host key for .* has changed/,
    input: 'known-hosts',
    message: (t) => `does not match the host key ${targetLabel(t)} presented; nothing was run there.`,
    hint: (t) => `If the server's key changed on purpose: ${KEYSCAN(t)}`,
  },
  {
    pattern: /Host key verification failed|No \S+ host key is known/,
    input: 'known-hosts',
    message: (t) =>
      `holds no key for ${knownHostsName(t)} that matches the one the server presented; nothing was run there.`,
    hint: KEYSCAN,
  },
  {
    pattern: /Load key .*: (?:invalid format|error in libcrypto)|incorrect passphrase/,
    input: 'ssh-key',
    message: () => 'is not a private key ssh can use.',
    hint: () => "Use an OpenSSH private key without a passphrase (ssh-keygen -t ed25519 -N '').",
  },
  {
    pattern: /Permission denied \(|Too many authentication failures/,
    input: 'ssh-key',
    message: (t) => `was refused by ${targetLabel(t)}.`,
    hint: (t) => `Add its public key (ssh-keygen -y -f <key>) to ~${t.user}/.ssh/authorized_keys on the host.`,
  },
  {
    pattern: /Connection refused/,
    input: 'host',
    message: (t) => `cannot connect to ${targetLabel(t)}: connection refused.`,
    hint: () => REACH,
  },
  {
    pattern: /timed out|Operation timed out/i,
    input: 'host',
    message: (t) => `cannot connect to ${targetLabel(t)}: the connection timed out.`,
    hint: () => REACH,
  },
  {
    pattern: /Could not resolve hostname|Name or service not known|nodename nor servname/,
    input: 'host',
    message: (t) => `cannot connect to ${targetLabel(t)}: the name ${t.host} does not resolve.`,
    hint: () => 'Check the spelling, or use the IP address.',
  },
  {
    pattern: /No route to host|Network is unreachable/,
    input: 'host',
    message: (t) => `cannot connect to ${targetLabel(t)}: no route to the host.`,
    hint: () => REACH,
  },
  {
    pattern: /Connection (?:closed|reset) by|kex_exchange_identification/,
    input: 'host',
    message: (t) => `cannot connect to ${targetLabel(t)}: the server closed the connection before logging in.`,
    hint: () => `${REACH} The server may also limit connections (MaxStartups) or refuse the runner's address.`,
  },
];

/** The UserError ssh's stderr stands for, or undefined when it is none of the known failures. */
export function sshUserError(stderr: string, target: SshTarget): UserError | undefined {
  const row = ROWS.find((r) => r.pattern.test(stderr));
  return row && new UserError(row.message(target), { input: row.input }, row.hint(target));
}

/** An internal Error for an ssh failure no row explains, naming its last line of stderr. */
export function sshInternalError(what: string, stderr: string, target: SshTarget): Error {
  const last = stderr.trim().split('\n').pop()?.trim() ?? '';
  return new Error(`${what} on ${targetLabel(target)} failed${last ? `: ${redactCredentials(last)}` : ''}`);
}
