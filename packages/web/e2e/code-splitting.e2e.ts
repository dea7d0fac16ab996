import type { Browser, Page } from 'playwright-core';
import { GraphQLTestClient } from '../../api/test/support/graphql-client';
import { expectAccessible, expectAccessibleDialog } from './support/accessibility';
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

  it('the customers list downloads neither other pages, nor the calendar, nor drag and drop; its dropdowns come after it', async () => {
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
    // The list's dropdowns (Popover, Menu, Combobox and floating-ui) are not part of the page's own download: they are asked for once it has drawn.
    for (const dropdown of ['ColumnsPopover', 'ManageDetailsMenu', 'ProductSelect', 'OrganizationSelect']) {
      const position = loaded.indexOf(dropdown);
      if (position >= 0) expect(position).toBeGreaterThan(loaded.indexOf('CustomersPage'));
    }
    await fresh.close();
  });

  it("the list's dropdowns, downloaded after the list, work at once by pointer and keyboard and lose no keys", async () => {
    const fresh = await page.context().newPage();
    await fresh.goto(`${server.baseUrl}/customers`);
    const customers = new CustomersPage(fresh);
    await customers.waitForList();

    await fresh.getByRole('button', { name: 'Columns' }).click();
    await fresh.getByRole('checkbox', { name: 'Support tier' }).check();
    await customers.table.getByRole('columnheader', { name: 'Support tier' }).waitFor();
    await expectAccessible(fresh, 'the columns popover');
    await fresh.keyboard.press('Escape');

    // Opened from the keyboard and closed with Escape, the menu gives the focus back to its button.
    const manage = fresh.getByRole('button', { name: 'Manage details' });
    await manage.focus();
    await fresh.keyboard.press('Enter');
    await fresh.getByRole('menuitem', { name: 'Manage detail fields' }).waitFor();
    await fresh.keyboard.press('Escape');
    await manage.and(fresh.locator(':focus')).waitFor();

    // Focused from the keyboard, the arrow keys open the product list.
    const product = fresh.getByRole('combobox', { name: 'Product' });
    await product.focus();
    await fresh.keyboard.press('ArrowDown');
    await fresh.getByRole('option', { name: 'Analytics Add-on', exact: true }).click();
    await fresh.waitForURL((url) => url.searchParams.has('product'));

    // Typing the moment the box has the focus: every key lands in it.
    const organization = fresh.getByRole('textbox', { name: 'Organization' });
    await organization.click();
    await fresh.keyboard.type('Ferry');
    expect(await organization.inputValue()).toBe('Ferry');
    await fresh.getByRole('option', { name: 'Ferry Inc', exact: true }).click();
    await fresh.waitForURL((url) => url.searchParams.has('org'));

    // A link with both filters draws them chosen, and clears them.
    const linked = await fresh.context().newPage();
    await linked.goto(fresh.url());
    await linked.getByRole('textbox', { name: 'Organization' }).and(linked.locator('[value="Ferry Inc"]')).waitFor();
    await linked.getByRole('combobox', { name: 'Product' }).and(linked.locator('[value="Analytics Add-on"]')).waitFor();
    await linked.getByRole('button', { name: 'Clear organization' }).click();
    await linked.waitForURL((url) => !url.searchParams.has('org'));
    await Promise.all([linked.close(), fresh.close()]);
  });

  it("a customer's profile downloads the Details tab's code compressed, the other tabs' once idle, and its Edit dialog opens at once", async () => {
    const admin = new GraphQLTestClient(server.baseUrl);
    await admin.signIn('admin@demo.test', DEMO_PASSWORD);
    const customer = (await admin.ok('{ customers(first: 1) { edges { node { id displayName } } } }')).customers.edges[0].node;
    const fresh = await (await browser.newContext({ storageState: await page.context().storageState() })).newPage();
    const encodings = new Map<string, string | null>();
    fresh.on('response', async (response) => {
      if (response.request().resourceType() === 'script') encodings.set(response.url().replace(/^.*\/assets\/|-[\w-]{8}\.js$/g, ''), await response.headerValue('content-encoding'));
    });
    const otherTabs = ['EntitlementsPanel', 'RequestList', 'NotesPanel', 'HistoryPanel'];
    const loaded = await scriptsLoadedBy(fresh, async () => {
      await fresh.goto(`${server.baseUrl}/customers/${customer.id}`);
      await fresh.getByRole('heading', { level: 1, name: customer.displayName }).waitFor();
      await fresh.getByRole('tabpanel').getByRole('group').first().waitFor();
    });
    expect(loaded).toContain('CustomerProfilePage');
    for (const later of [...otherTabs, 'ConfirmDialog']) expect(loaded).not.toContain(later);
    expect(encodings.get('CustomerProfilePage')).toBe('br');

    // Once the page is idle, the other tabs' code comes by itself: opening one downloads nothing more.
    await fresh.waitForFunction(
      (names) => names.every((name) => performance.getEntriesByType('resource').some((entry) => entry.name.includes(`/assets/${name}-`))),
      otherTabs,
    );
    const opening = await scriptsLoadedBy(fresh, async () => {
      await fresh.getByRole('tab', { name: 'Notes' }).click();
      await fresh.getByRole('tabpanel', { name: 'Notes' }).getByRole('textbox').first().waitFor();
    });
    expect(opening).not.toContain('NotesPanel');

    // The profile's dialogs come with their page or tab: a dialog that downloaded on its first click opened
    // late (fresh-eyes QA: keys typed at once were lost, and Escape then left the focus on the page's body).
    const edit = fresh.getByRole('button', { name: 'Edit', exact: true });
    const dialog = await scriptsLoadedBy(fresh, async () => {
      await edit.click();
      await fresh.keyboard.type('QW');
      await fresh.getByRole('dialog').waitFor();
    });
    expect(dialog).toEqual([]);
    expect(await fresh.getByRole('dialog').getByRole('textbox', { name: 'Display name' }).inputValue()).toBe(`${customer.displayName}QW`);
    await expectAccessibleDialog(fresh, 'edit customer, opened on a cold page');
    await fresh.keyboard.press('Escape');
    await fresh.getByRole('dialog').waitFor({ state: 'detached' });
    await edit.and(fresh.locator(':focus')).waitFor();
    await fresh.context().close();
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
