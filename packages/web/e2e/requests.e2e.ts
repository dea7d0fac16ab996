import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, startAppServer, type AppServer } from './support/app-server';
import { launchBrowser, screenshot } from './support/browser';
import { SignInPage } from './pages/sign-in.page';
import { AppLayout } from './pages/app-layout.page';
import { CustomersPage } from './pages/customers.page';
import { RequestsTab } from './pages/requests.page';

const newestFirst = (times: string[]) => times.every((time, i) => i === 0 || new Date(times[i - 1]).getTime() >= new Date(time).getTime());

describe('requests: a profile and an organization list them newest first, by status, in pages (real Chromium)', () => {
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

  it("opens the first customer's Requests tab: counts per status, pages of 20 newest first, a status filter", async () => {
    // The seed gives the first customers by name 25 to 40 requests each, so their tab has pages.
    const customers = new CustomersPage(page);
    await customers.waitForList();
    await customers.rows().nth(1).getByRole('link').first().click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}/);
    const requests = new RequestsTab(page);
    await requests.open('Profile sections');
    const total = await requests.chipCount('All');
    expect(total).toBeGreaterThan(20);
    expect(await requests.rows().count()).toBe(20);
    const firstPage = await requests.createdTimes();
    expect(newestFirst(firstPage)).toBe(true);
    await screenshot(page, 'requests-profile');

    await requests.nextPage();
    const secondPage = await requests.createdTimes();
    expect(secondPage).toHaveLength(total - 20);
    expect(newestFirst([...firstPage, ...secondPage])).toBe(true);

    const closed = await requests.chipCount('Closed');
    expect(closed).toBeGreaterThan(0);
    await requests.filterBy('Closed', 'CLOSED');
    // The filter starts again at page one and shows only closed requests.
    expect(await requests.rows().count()).toBe(Math.min(closed, 20));
    const statuses = await requests.rows().evaluateAll((rows) => rows.map((row) => row.querySelectorAll('td')[2]?.textContent));
    expect(new Set(statuses)).toEqual(new Set(['Closed']));
    await screenshot(page, 'requests-profile-closed');

    // A partner's link opens in a new tab that cannot reach back, with a name saying so.
    await requests.filterBy('All', '');
    const link = page.getByRole('link', { name: /^Open SUP-\d+ in the partner tool \(new tab\)$/ }).first();
    await link.waitFor();
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/tracker\.example\.com\//);
  });

  it("opens the organization's Requests tab: every member's requests with their reporter", async () => {
    await new AppLayout(page).goTo('Organizations');
    await page.locator('main table a[href^="/organizations/"]').first().click();
    await page.waitForURL(/\/organizations\/[0-9a-f-]{36}/);
    const requests = new RequestsTab(page);
    await requests.open('Organization sections');
    expect(await requests.table().getByRole('columnheader', { name: 'Reporter' }).count()).toBe(1);
    expect(newestFirst(await requests.createdTimes())).toBe(true);
    const reporters = await requests.rows().evaluateAll((rows) => rows.map((row) => row.querySelectorAll('td')[4]?.textContent));
    expect(reporters.every(Boolean)).toBe(true);
    await screenshot(page, 'requests-organization');
    if ((await requests.chipCount('All')) > 20) {
      await requests.nextPage();
      expect(newestFirst(await requests.createdTimes())).toBe(true);
    }
  });

  it('shows the same lists in Japanese', async () => {
    const layout = new AppLayout(page);
    await layout.switchLanguage('日本語');
    const requests = new RequestsTab(page, { tab: 'リクエスト', filter: 'ステータスでリクエストを絞り込む', pages: 'ページ', next: '次のページ' });
    await requests.rows().first().waitFor();
    await requests.filterBy('クローズ', 'CLOSED');
    const statuses = await requests.rows().evaluateAll((rows) => rows.map((row) => row.querySelectorAll('td')[2]?.textContent));
    expect(new Set(statuses)).toEqual(new Set(['クローズ']));
    await page.getByRole('columnheader', { name: '報告者' }).waitFor();
    await screenshot(page, 'requests-organization-ja');
    // Back undoes the filter (a step of its own), then leaves the organization and the list.
    await page.goBack();
    await page.waitForURL((url) => url.pathname.startsWith('/organizations/') && !url.searchParams.has('status'));
    await requests.filter.getByRole('radio', { name: /^すべて [\d,]+$/, checked: true }).waitFor({ state: 'attached' });
    await page.goBack();
    await page.goBack();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}/);
    await requests.open('プロファイルのセクション');
    await screenshot(page, 'requests-profile-ja');
    await layout.switchLanguage('English', '言語');
  });
});
