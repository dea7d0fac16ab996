import { loadConfig } from '../src/config';

describe('configuration', () => {
  it('explains a bad DATABASE_URL in plain words', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://localhost/x' })).toThrow('DATABASE_URL is not a postgres:// URL');
  });

  it('names every bad setting at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', ADMIN_EMAIL: 'nope' })).toThrow(/PORT[\s\S]*ADMIN_EMAIL is not an email address/);
  });

  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 4000, COOKIE_SECURE: 'auto', EMBEDDED_PG_PORT: 54329 });
    expect(config.DATABASE_URL).toBeUndefined();
  });
});
