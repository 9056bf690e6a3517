import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, REPO_ROOT } from './config.ts';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected loadConfig to refuse the environment');
}

describe('loadConfig', () => {
  it('refuses PORT=abc with a message naming PORT and the value given', () => {
    const error = errorOf({ PORT: 'abc' });
    expect(error.message).toMatch(/^\s*PORT: /m);
    expect(error.message).toContain('"abc"');
  });

  it('names every bad variable, and only those', () => {
    const message = errorOf({ PORT: '70000', CTP_SECURE_COOKIES: 'maybe', HOST: 'example.org' }).message;
    expect(message).toMatch(/^\s*PORT: /m);
    expect(message).toMatch(/^\s*CTP_SECURE_COOKIES: /m);
    expect(message).not.toMatch(/^\s*HOST: /m);
  });

  it('refuses a zero idle timeout, which would sign everyone out at once', () => {
    expect(errorOf({ CTP_SESSION_IDLE_MINUTES: '0' }).message).toContain('CTP_SESSION_IDLE_MINUTES');
  });

  it('reads numbers, booleans and durations from their text', () => {
    const config = loadConfig({
      PORT: '8080',
      CTP_SECURE_COOKIES: 'yes',
      CTP_SEED_DEMO: '0',
      CTP_SESSION_IDLE_MINUTES: '15',
      CTP_SESSION_ABSOLUTE_HOURS: '2',
    });
    expect(config.port).toBe(8080);
    expect(config.secureCookies).toBe(true);
    expect(config.seedDemo).toBe(false);
    expect(config.session).toEqual({ idleMs: 15 * 60_000, absoluteMs: 2 * 3_600_000 });
  });

  it('resolves relative paths from the repository root, whatever the working directory', () => {
    const config = loadConfig({ CTP_DB: 'data/x.sqlite', CTP_WEB_DIST: '/srv/web' });
    expect(config.dbPath).toBe(join(REPO_ROOT, 'data/x.sqlite'));
    expect(isAbsolute(config.dbPath)).toBe(true);
    expect(config.webDist).toBe('/srv/web');
    expect(loadConfig({ CTP_DB: ':memory:' }).dbPath).toBe(':memory:');
  });

  it('never offers demo users in production', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).demoUsers).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development' }).demoUsers).toBe(true);
  });

  it('reads CTP_TRUST_PROXY as off, a hop count, or proxy addresses and CIDR ranges', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ CTP_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ CTP_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ CTP_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ CTP_TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,::1,fd00::/8,loopback' }).trustProxy).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses CTP_TRUST_PROXY=true (any client could name its own address) and malformed addresses', () => {
    expect(errorOf({ CTP_TRUST_PROXY: 'true' }).message).toMatch(/^\s*CTP_TRUST_PROXY: .*number of proxies/m);
    expect(errorOf({ CTP_TRUST_PROXY: '10.0.0.300' }).message).toContain('10.0.0.300');
    expect(errorOf({ CTP_TRUST_PROXY: '10.0.0.0/33' }).message).toContain('CTP_TRUST_PROXY');
    expect(errorOf({ CTP_TRUST_PROXY: 'proxy.internal' }).message).toContain('proxy.internal');
  });
});
