import type { Browser, Page } from 'playwright-core';
import { expectAccessible } from './support/accessibility';
import { DEMO_PASSWORD, startAppServer, type AppServer } from './support/app-server';
import { launchBrowser } from './support/browser';
import { AppLayout } from './pages/app-layout.page';
import { CustomersPage } from './pages/customers.page';
import { SignInPage } from './pages/sign-in.page';

/** The file names (without hash) of the scripts `page` downloads while `action` runs. */
async function scriptsLoadedBy(page: Page, action: () => Promise<void>): Promise<string[]> {
  const names: string[] = [];
  const record = (request: { resourceType(): string; url(): string }) => {
    if (request.resourceType() === 'script') names.push(request.url().replace(/^.*\/assets\/|-[\w-]{8}\.js$/g, ''));
  };
  page.on('request', record);
  await action();
  page.off('request', record);
  return names;
}

describe('pages load their own code on their first visit (real Chromium)', () => {
  let server: AppServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    page = await SignInPage.signedInPage(browser, server.baseUrl, 'admin@demo.test', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the customers list downloads neither other pages, nor the calendar, nor drag and drop', async () => {
    const fresh = await page.context().newPage();
    const loaded = await scriptsLoadedBy(fresh, async () => {
      await fresh.goto(`${server.baseUrl}/customers`);
      await new CustomersPage(fresh).waitForList();
    });
    expect(loaded).toContain('CustomersPage');
    // dnd-kit is bundled with DetailFieldsPage, @mantine/dates and dayjs with DayCalendar.
    for (const other of ['SignInPage', 'CustomerProfilePage', 'OrganizationsPage', 'SettingsLayout', 'DetailFieldsPage', 'DayCalendar', 'AddCustomersDialog', 'DetailFilterDialog']) {
      expect(loaded).not.toContain(other);
    }
    await fresh.close();
  });

  it('a page whose code cannot be downloaded says so, and Try again loads it', async () => {
    await page.route(/\/assets\/OrganizationsPage-[\w-]+\.js$/, (route) => route.abort());
    const layout = new AppLayout(page);
    await layout.nav.getByRole('link', { name: 'Organizations' }).click();
    await page.getByRole('alert').filter({ hasText: 'Something went wrong' }).waitFor();
    // The frame stays: the navigation still works.
    await layout.nav.getByRole('link', { name: 'Customers' }).waitFor();
    await expectAccessible(page, 'a page that failed to load');

    await page.unroute(/\/assets\/OrganizationsPage-[\w-]+\.js$/);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organizations' }).waitFor();
  });
});
