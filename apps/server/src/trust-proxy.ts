import { isIP } from 'node:net';

/**
 * Which proxies may tell us the client's address (Fastify's `trustProxy`): none, the nearest N hops, or the
 * listed addresses / CIDR ranges. Trusting every X-Forwarded-For (`true`) is refused, because a client could then
 * name any address it likes and rotate it past the sign-in throttle and the request rate limit.
 */
export type TrustProxy = false | number | string[];

/** proxy-addr's named ranges, accepted beside addresses and CIDRs. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  if (rest.length > 0 || !address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Pure: reads `CTP_TRUST_PROXY`; returns an error message instead of a value when it cannot be trusted. */
export function parseTrustProxy(raw: string | undefined): { value: TrustProxy } | { error: string } {
  const text = (raw ?? '').trim();
  if (text === '' || /^(false|no|0)$/i.test(text)) return { value: false };
  if (/^(true|yes)$/i.test(text))
    return {
      error:
        'trusting every X-Forwarded-For lets a client choose its own address; give the number of proxies in front of CTP (e.g. 1) or their addresses (e.g. 10.0.0.5,10.0.1.0/24)',
    };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) return { error: 'a hop count between 1 and 10 is expected' };
    return { value: hops };
  }
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const bad = entries.filter((e) => !isAddressOrRange(e));
  if (bad.length > 0) return { error: `not an IP address or CIDR range: ${bad.join(', ')}` };
  return { value: entries };
}

/**
 * What Fastify is given. Fastify 5.12 ignores a bare number (it cannot check the nearest peer), so a hop count
 * becomes proxy-addr's trust function: trust the socket peer and the next `hops - 1` forwarding entries. Safe only
 * when clients cannot reach CTP except through those proxies (bind HOST to 127.0.0.1 or firewall the port); the
 * address form does not need that.
 */
export function fastifyTrustProxy(value: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof value === 'number') {
    const hops = value;
    return (_address, hop) => hop < hops;
  }
  return value;
}
