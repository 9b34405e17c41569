import { ConfigError, loadConfig } from './app-config';

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
});
