import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, type TestApp } from './support/test-app';

describe('the built web app, served by the API', () => {
  let web: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'cp-web-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>shell</title>');
    writeFileSync(path.join(dist, 'assets', 'index-AbC123.js'), 'console.log(1)');
    writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    web = await startTestApp({ WEB_DIST: dist });
  });
  afterAll(async () => {
    await web.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('lets browsers keep hashed assets for good and asks for the shell every time', async () => {
    const asset = await fetch(`${web.baseUrl}/assets/index-AbC123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const shellPath of ['/customers/123', '/index.html']) {
      const shell = await fetch(`${web.baseUrl}${shellPath}`, { headers: { accept: 'text/html' } });
      expect(shell.status).toBe(200);
      expect(shell.headers.get('cache-control')).toBe('no-cache');
      expect(await shell.text()).toContain('<title>shell</title>');
    }
    expect((await fetch(`${web.baseUrl}/favicon.svg`)).headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('answers a chunk of another build with 404, not with the app shell a page would load as a script', async () => {
    const missing = await fetch(`${web.baseUrl}/assets/CustomersPage-OldHash.js`, { headers: { accept: '*/*' } });
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('<title>shell</title>');
  });
});
