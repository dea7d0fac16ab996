import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, startAppServer, type AppServer } from './support/app-server';
import { launchBrowser, screenshot } from './support/browser';
import { SignInPage } from './pages/sign-in.page';
import { AppLayout } from './pages/app-layout.page';
import { CustomersPage } from './pages/customers.page';

/** The downloaded file's lines, after checking it starts with the UTF-8 BOM. */
function lines(bytes: Buffer): string[] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
}

describe('agent: export the customers and organizations lists as CSV (real Chromium)', () => {
  let server: AppServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    page = await SignInPage.signedInPage(browser, server.baseUrl, 'agent@demo.test', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('downloads what the list shows now: the search and the sort, every page of it', async () => {
    const customers = new CustomersPage(page);
    await customers.waitForList();
    await customers.searchFor('ann');
    await customers.rows().nth(1).filter({ hasText: /ann/i }).waitFor();
    await customers.table.getByRole('button', { name: /^Email/ }).click();
    await page.waitForURL((url) => /^-?email$/.test(url.searchParams.get('sort') ?? ''));
    await customers.rows().nth(1).filter({ hasText: /ann/i }).waitFor();
    await screenshot(page, 'customers-export');

    const { filename, bytes } = await customers.exportCsv();
    expect(filename).toMatch(/^customers-\d{4}-\d\d-\d\d\.csv$/);
    const [header, ...rows] = lines(bytes);
    expect(header.startsWith('Display name,Email,Username,External ID,Organization,Created,Updated,')).toBe(true);
    // Billing's fields are hidden from this agent: not even their labels.
    expect(header).not.toContain('Credit limit');
    expect(header).not.toContain('Payment terms');
    const count = Number((await page.getByText(/^[\d,]+ customers?$/).innerText()).replace(/\D/g, ''));
    expect(rows).toHaveLength(count);
    expect(rows.every((row) => /ann/i.test(row))).toBe(true);
    // The first row is the table's first row, in the same order (by email).
    const firstEmail = (await customers.rows().nth(1).innerText()).match(/\S+@\S+/)![0];
    expect(rows[0]).toContain(firstEmail);
  });

  it('names the button in Japanese too', async () => {
    const layout = new AppLayout(page);
    await layout.switchLanguage('日本語');
    await page.getByRole('link', { name: 'この顧客一覧を CSV でエクスポート' }).waitFor();
    await layout.switchLanguage('English', '言語');
  });

  it('downloads the organizations list with member counts', async () => {
    await new AppLayout(page).goTo('Organizations');
    await page.getByRole('table', { name: 'Organizations' }).getByRole('row').nth(1).waitFor();
    await screenshot(page, 'organizations-export');
    const { filename, bytes } = await new CustomersPage(page).exportCsv('Export these organizations as CSV');
    expect(filename).toMatch(/^organizations-\d{4}-\d\d-\d\d\.csv$/);
    const [header, ...rows] = lines(bytes);
    expect(header.startsWith('Organization Name,External ID,Created,Updated,Members')).toBe(true);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toMatch(/,\d{4}-\d\d-\d\dT[\d:.]+Z,\d{4}-\d\d-\d\dT[\d:.]+Z,\d+/);
  });
});
