// The `host` input: `user@host[:port]`, read strictly, because every part of it ends up on ssh's
// command line and a value that starts with `-` or holds spaces could smuggle in an ssh option.
import { UserError } from '@slipway/action-kit/lite';

/** Where to connect, as the `host` input names it. */
export interface SshTarget {
  user: string;
  /** A host name, an IPv4 address, or an IPv6 address without its brackets. */
  host: string;
  port: number;
}

const HINT = "Write it as 'user@host' or 'user@host:port', for example 'deploy@203.0.113.10:2222'.";
/** POSIX user names, which may not start with `-`. */
const USER = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** DNS labels and IPv4 addresses; a leading `-` or `.` is refused. */
const HOST_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;
const IPV6 = /^[0-9A-Fa-f:.]+$/;

/** Reads `user@host[:port]` (IPv6 in brackets: `user@[2001:db8::1]:22`); a UserError on `host` for anything else. */
export function parseHost(text: string): SshTarget {
  const bad = (why: string): UserError => new UserError(`${shown(text)} ${why}.`, { input: 'host' }, HINT);
  if (text.trim() === '') throw new UserError('is empty.', { input: 'host' }, HINT);
  if (/\s/.test(text)) throw bad('contains spaces');
  if (text.startsWith('-')) throw bad('starts with -');
  const at = text.lastIndexOf('@');
  if (at < 0) throw bad('names no user');
  const user = text.slice(0, at);
  if (!USER.test(user)) throw bad(`has a user name ssh would not take safely (${shown(user)})`);
  const rest = text.slice(at + 1);
  const parts = /^\[([^\]]*)\](?::(.*))?$/.exec(rest) ?? /^([^:[\]]*)(?::(.*))?$/.exec(rest);
  if (!parts) throw bad('is not user@host[:port]');
  const host = parts[1]!;
  const bracketed = rest.startsWith('[');
  if (bracketed ? !(IPV6.test(host) && host.includes(':')) : !HOST_NAME.test(host))
    throw bad(`has a host name ssh would not take safely (${shown(host)})`);
  const port = parts[2] === undefined ? 22 : Number(parts[2]);
  if (!/^\d{1,5}$/.test(parts[2] ?? '22') || port < 1 || port > 65535)
    throw bad(`has port ${shown(parts[2] ?? '')}, which is not a number from 1 to 65535`);
  return { user, host, port };
}

/** `user@host:port` for messages. */
export function targetLabel(t: SshTarget): string {
  return `${t.user}@${t.host.includes(':') ? `[${t.host}]` : t.host}:${t.port}`;
}

/** The name ssh looks the host up by in known_hosts: the bare host on port 22, `[host]:port` on any other. */
export function knownHostsName(t: SshTarget): string {
  return t.port === 22 ? t.host : `[${t.host}]:${t.port}`;
}

/**
 * The text quoted for a message. A long or multi-line value is not repeated at all: it may be a
 * secret pasted into the wrong input (the key itself), and the log is no place for any of it.
 */
function shown(text: string): string {
  return text.length > 80 || /\s/.test(text) ? 'the value' : JSON.stringify(text);
}
