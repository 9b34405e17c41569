import { ConfigError, DEVELOPMENT_TOKEN_SECRET, loadConfig, parseTrustProxy } from './app-config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('works with no environment at all (local defaults)', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toMatch(/^postgres:\/\//);
    expect(config.SMTP_SECURE).toBe(false);
  });

  it('converts numbers and booleans from the environment', () => {
    const config = loadConfig({ PORT: '8080', SMTP_SECURE: 'true', SESSION_TTL_MINUTES: '30' });
    expect(config).toMatchObject({ PORT: 8080, SMTP_SECURE: true, SESSION_TTL_MINUTES: 30 });
  });

  it('lists every invalid value at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', TOKEN_SECRET: 'court', LOG_LEVEL: 'bavard' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => p.split(':')[0]);
    expect(problems.sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'TOKEN_SECRET']);
    expect((error as ConfigError).message).toContain('Configuration invalide');
  });

  it('ignores unrelated environment variables', () => {
    expect(() => loadConfig({ HOME: '/root', SOMETHING_ELSE: 'x' })).not.toThrow();
  });

  describe('in production', () => {
    const secret = 'x'.repeat(32);

    it('requires a TOKEN_SECRET', () => {
      expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
        expect.stringMatching(/^TOKEN_SECRET: obligatoire en production/),
      ]);
    });

    it('refuses the development default, even when given explicitly', () => {
      expect(problemsOf({ NODE_ENV: 'production', TOKEN_SECRET: DEVELOPMENT_TOKEN_SECRET })).toEqual([
        expect.stringMatching(/^TOKEN_SECRET: la valeur de développement est refusée/),
      ]);
    });

    it('counts the secret in bytes: 31 bytes are refused, 32 accepted', () => {
      expect(problemsOf({ NODE_ENV: 'production', TOKEN_SECRET: 'x'.repeat(31) })).toEqual([
        'TOKEN_SECRET: doit compter au moins 32 octets',
      ]);
      expect(problemsOf({ NODE_ENV: 'production', TOKEN_SECRET: secret })).toEqual([]);
      // 16 characters of 2 bytes each: 32 bytes.
      expect(problemsOf({ NODE_ENV: 'production', TOKEN_SECRET: 'é'.repeat(16) })).toEqual([]);
    });

    it('leaves development and tests on the default', () => {
      expect(loadConfig({}).TOKEN_SECRET).toBe(DEVELOPMENT_TOKEN_SECRET);
      expect(loadConfig({ NODE_ENV: 'test' }).TOKEN_SECRET).toBe(DEVELOPMENT_TOKEN_SECRET);
    });
  });

  describe('TRUST_PROXY', () => {
    it('trusts nothing by default', () => {
      expect(parseTrustProxy(loadConfig({}).TRUST_PROXY)).toBe(false);
    });

    it('reads a hop count or a list of addresses, ranges and names', () => {
      expect(parseTrustProxy('1')).toBe(1);
      expect(parseTrustProxy('loopback, 10.0.0.0/8,fd00::/8 ,192.168.1.10')).toEqual([
        'loopback',
        '10.0.0.0/8',
        'fd00::/8',
        '192.168.1.10',
      ]);
      expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe('2');
    });

    it('refuses true (anyone could then write their address) and anything that is not an address', () => {
      for (const value of ['true', 'proxy.local', '10.0.0.0/33', '10.0.0.1/8/2', '300.1.1.1'])
        expect(problemsOf({ TRUST_PROXY: value })).toEqual([expect.stringMatching(/^TRUST_PROXY: doit valoir false/)]);
    });
  });
});
