import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from './support/test-app';

const BIG_SCRIPT = `export const words = ${JSON.stringify('customer profile '.repeat(500))};`;

/** An asset (or answer) with `acceptEncoding`, its body as sent on the wire (fetch would decode it). */
async function raw(url: string, acceptEncoding: string, init: RequestInit = {}) {
  const response = await fetch(url, { ...init, headers: { ...init.headers, 'accept-encoding': acceptEncoding } });
  return { response, wire: response.headers.get('content-encoding') };
}

describe('the built web app, served by the API', () => {
  let web: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'cp-web-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>shell</title>');
    writeFileSync(path.join(dist, 'assets', 'index-AbC123.js'), 'console.log(1)');
    // As the web build writes them (vite-plugin-compression2).
    writeFileSync(path.join(dist, 'assets', 'big-XyZ789.js'), BIG_SCRIPT);
    writeFileSync(path.join(dist, 'assets', 'big-XyZ789.js.br'), brotliCompressSync(BIG_SCRIPT));
    writeFileSync(path.join(dist, 'assets', 'big-XyZ789.js.gz'), gzipSync(BIG_SCRIPT));
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

  it('sends an asset brotli- or gzip-compressed as the browser accepts, from the copies beside it, keeping caching and security headers', async () => {
    const url = `${web.baseUrl}/assets/big-XyZ789.js`;
    for (const [accepted, expected] of [['gzip, deflate, br, zstd', 'br'], ['gzip', 'gzip'], ['identity', null]] as const) {
      const { response, wire } = await raw(url, accepted);
      expect(response.status).toBe(200);
      expect(wire).toBe(expected);
      // fetch decodes what it was sent: the same script whichever copy travelled.
      expect(await response.text()).toBe(BIG_SCRIPT);
      expect(response.headers.get('content-type')).toMatch(/^(text|application)\/javascript; charset=utf-8$/i);
      expect(response.headers.get('vary')).toContain('Accept-Encoding');
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    // A small asset has no copies (below the build's threshold): sent as is.
    expect((await raw(`${web.baseUrl}/assets/index-AbC123.js`, 'br, gzip')).wire).toBeNull();
  });

  it('answers /graphql uncompressed (the API keeps its CPU for queries)', async () => {
    const { response, wire } = await raw(`${web.baseUrl}/graphql`, 'br, gzip', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    expect(wire).toBeNull();
  });
});
