import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { root } from './app-server';

export const SCREENSHOTS = path.join(root, 'test-results', 'screenshots');

/**
 * Debian's Chromium: browser downloads are impossible here. Flags keep it off
 * the closed network. The browser is registered with the test environment
 * (failure-report-environment.js), which reports its pages when a test fails.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  (globalThis as { __e2eBrowsers?: Browser[] }).__e2eBrowsers?.push(browser);
  return browser;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Collects the Content Security Policy violations Chromium reports on this
 * page (console errors "Refused to … Content Security Policy"), so a suite
 * can prove the built app runs under the server's CSP.
 */
export function recordCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}
