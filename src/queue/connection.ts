// Redis for the queue: the address as the user writes it (redis://host:port[/db]), read and checked,
// and the connection options of every zhtext client: a client that loses Redis keeps trying, with a
// growing pause, and says so; commands wait for the connection to come back instead of failing.
import type { RedisOptions } from 'ioredis';

export interface QueueAddress {
  /** as written, without a password */
  display: string;
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls: boolean;
}

/** redis://[user:password@]host[:port][/db] or rediss://…; undefined when it is not one */
export function parseQueueAddress(text: string): QueueAddress | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'redis:' && url.protocol !== 'rediss:') || url.hostname === '') return undefined;
  const port = url.port === '' ? 6379 : Number(url.port);
  const path = url.pathname.replace(/^\//, '');
  if (!/^\d*$/.test(path) || url.search !== '' || url.hash !== '') return undefined;
  const db = path === '' ? 0 : Number(path);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    display: `${url.protocol}//${url.host}/${db}`,
    host,
    port,
    db,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    tls: url.protocol === 'rediss:',
  };
}

/** the longest pause between two attempts to reach Redis */
const MAX_RETRY_MS = 30_000;

/** the pause before attempt `times` + 1: half a second, doubling, at most MAX_RETRY_MS */
export const retryDelay = (times: number) => Math.min(MAX_RETRY_MS, 500 * 2 ** Math.min(Math.max(times - 1, 0), 6));

/**
 * Options for ioredis (BullMQ passes them on to each client it makes). `say` hears each failed
 * attempt to reach Redis, once for all the clients of one attempt number.
 */
export function connectionOptions(address: QueueAddress, say: (message: string) => void): RedisOptions {
  let lastSaid = 0;
  return {
    host: address.host,
    port: address.port,
    db: address.db,
    ...(address.username ? { username: address.username } : {}),
    ...(address.password ? { password: address.password } : {}),
    ...(address.tls ? { tls: {} } : {}),
    // BullMQ's workers need commands to wait for a lost connection rather than fail after a few tries
    maxRetriesPerRequest: null,
    retryStrategy(times: number) {
      const delay = retryDelay(times);
      if (times !== lastSaid) {
        lastSaid = times;
        say(`cannot reach Redis at ${address.display}; trying again in ${(delay / 1000).toFixed(1)} s (attempt ${times})`);
      }
      return delay;
    },
  };
}
