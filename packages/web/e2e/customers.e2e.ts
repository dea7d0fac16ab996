import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, startAppServer, type AppServer } from './support/app-server';
import { launchBrowser, recordCspViolations, screenshot } from './support/browser';
import { expectAccessible, expectAccessibleDialog } from './support/accessibility';
import { SignInPage } from './pages/sign-in.page';
import { AppLayout } from './pages/app-layout.page';
import { CustomersPage } from './pages/customers.page';
import { ProfilePage } from './pages/profile.page';

describe('agent: find customers, open a profile, add customers into a new organization (real Chromium)', () => {
  let server: AppServer;
  let browser: Browser;
  let page: Page;
  let cspViolations: string[];
  let appCsp: string | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    // A page of its own context: axe opens a helper page beside it.
    page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    page.setDefaultTimeout(10_000);
    cspViolations = recordCspViolations(page);
    page.on('response', (response) => {
      if (response.request().resourceType() === 'document') appCsp ??= response.headers()['content-security-policy'];
    });
    const signIn = new SignInPage(page);
    await signIn.open(server.baseUrl);
    await signIn.signIn('agent@demo.test', DEMO_PASSWORD);
    await page.waitForURL(/\/customers/);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the seeded customers with a count, and narrows them as the agent types', async () => {
    const customers = new CustomersPage(page);
    await page.getByText('2,000 customers').waitFor();
    await customers.waitForList();
    await screenshot(page, 'customers-list');
    // Beside the organization and product filters and the buttons, the search box keeps a usable width (it was squeezed to 48 px).
    expect(page.viewportSize()!.width).toBe(1280);
    expect((await customers.search.boundingBox())!.width).toBeGreaterThanOrEqual(220);
    await customers.searchFor('ann');
    // Every row shown now matches (name, email, username or organization are all columns).
    await customers.rows().nth(1).filter({ hasText: /ann/i }).waitFor();
    const rows = await customers.rows().allInnerTexts();
    expect(rows.slice(1).every((row) => /ann/i.test(row))).toBe(true);
    const count = await page.getByText(/^[\d,]+ customers?$/).innerText();
    expect(count).not.toBe('2,000 customers');

    // A paste longer than a search can be is said too long beside the box, kept there, and not searched: the list stays as it was.
    const long = `ann ${'x'.repeat(197)}`;
    await customers.search.fill(long);
    await page.getByText('Search must be at most 200 characters').waitFor();
    await page.waitForTimeout(500);
    expect(new URL(page.url()).searchParams.get('q')).toBe('ann');
    expect(await customers.search.inputValue()).toBe(long);
    expect(await page.getByText(/^[\d,]+ customers?$/).innerText()).toBe(count);
    expect(await page.getByRole('alert').filter({ hasText: 'Something went wrong' }).count()).toBe(0);
    await customers.searchFor('ann');
    await page.getByText('Search must be at most 200 characters').waitFor({ state: 'detached' });
  });

  it('pages with the keyboard: the focus stays on Next and Previous while pages load, and on the first page Previous is unavailable', async () => {
    const customers = new CustomersPage(page);
    await page.goto(`${server.baseUrl}/customers`);
    await customers.waitForList();
    const pager = page.getByRole('navigation', { name: 'Pages' });
    const next = pager.getByRole('button', { name: 'Next page' });
    const previous = pager.getByRole('button', { name: 'Previous page' });
    const firstRow = await customers.rows().nth(1).getByRole('link').first().innerText();
    await next.focus();
    await page.keyboard.press('Enter');
    await pager.getByText('Page 2').waitFor();
    await customers.rows().nth(1).filter({ hasNotText: firstRow }).waitFor();
    // A disabled button (as Next was while the page loaded) drops the focus to the page.
    expect(await next.evaluate((button) => button === document.activeElement)).toBe(true);
    await previous.focus();
    await page.keyboard.press('Enter');
    await customers.rows().nth(1).filter({ hasText: firstRow }).waitFor();
    expect(await previous.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await previous.getAttribute('aria-disabled')).toBe('true');
    // Unavailable, it does nothing.
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    await pager.getByText('Page 1').waitFor();
    await expectAccessible(page, 'the customers list, paged back');
  });

  it('opens a profile from the list, with its tabs and honest empty states', async () => {
    const customers = new CustomersPage(page);
    const name = await customers.rows().nth(1).getByRole('link').first().innerText();
    await customers.rows().nth(1).getByRole('link', { name }).click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}/);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const tabs = page.getByRole('tablist', { name: 'Profile sections' });
    for (const tab of ['Details', 'Entitlements', 'Requests', 'Notes', 'History']) await tabs.getByRole('tab', { name: tab }).waitFor();
    await tabs.getByRole('tab', { name: 'Notes' }).click();
    await page.waitForURL(/tab=notes/);
    await screenshot(page, 'customer-profile');
    // The Edit dialog is checked with axe, and its close button has a name.
    const profile = new ProfilePage(page);
    await profile.openEditDialog();
    await profile.editDialog.getByRole('button', { name: 'Close' }).click();
    await profile.editDialog.waitFor({ state: 'detached' });
  });

  it('adds two customers into a new organization and finds them in the list', async () => {
    await new AppLayout(page).goTo('Customers');
    const customers = new CustomersPage(page);
    await customers.addCustomers('zoe.e2e@newco.example, yann_e2e', 'Newco E2E');
    await screenshot(page, 'add-customers-results');
    await customers.dialog.getByRole('button', { name: 'Close' }).click();
    await customers.searchFor('Newco E2E');
    await customers.table.getByText('zoe.e2e@newco.example').waitFor();
    await customers.table.getByText('yann_e2e').first().waitFor();
    expect(await customers.rows().count()).toBe(3); // header + the two new customers

    // On the organization's page, each member's Remove button names the member and the organization.
    await customers.table.getByRole('link', { name: 'Newco E2E' }).first().click();
    const members = customers.membersTable();
    await members.getByRole('button', { name: /^Remove .+ from Newco E2E$/ }).nth(1).waitFor();
    expect(await members.getByRole('button', { name: 'Remove', exact: true }).count()).toBe(0);
    await members.getByRole('button', { name: 'Remove yann_e2e from Newco E2E' }).waitFor();
    await expectAccessible(page, 'an organization, Members tab');

    // Its Edit dialog sets the external id beside the name (checked with axe).
    await page.getByText('No external ID').waitFor();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Newco E2E' });
    await dialog.waitFor();
    await expectAccessibleDialog(page, 'Edit organization');
    await dialog.getByRole('textbox', { name: 'External ID' }).fill('NEWCO-1');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('External ID: NEWCO-1').waitFor();
  });

  it('opens a profile from the list with the keyboard only: Tab to the first row, Down to the next, Enter', async () => {
    await new AppLayout(page).goTo('Customers');
    const customers = new CustomersPage(page);
    await customers.waitForList();
    const second = customers.rows().nth(2).getByRole('link').first();
    const [name, href] = [await second.innerText(), await second.getAttribute('href')];
    // From the top of the page, Tab until a row's profile link has focus (the controls above it come first).
    await page.locator('body').focus();
    const focusedRowLink = () => page.evaluate(() => document.activeElement?.matches('tbody a[data-row-link]') ?? false);
    for (let presses = 0; presses < 40 && !(await focusedRowLink()); presses++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(await customers.rows().nth(1).getByRole('link').first().getAttribute('href'));
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(href);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === href);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    // Focus lands on the page opened, not on the document's body.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(name);
  });

  // Issue 10: names and addresses as mail clients copy them, an invisible character, a specific reason.
  const PASTE = '"Dubois, Pierre" <pierre.dubois@example.org>, Zoë Åberg <zoe.aberg@example.org>, ops@example.org\nuser name@example.org';
  const ENTRIES = ['Dubois, Pierre <pierre.dubois@example.org>', 'Zoë Åberg <zoe.aberg@example.org>', 'ops@example.org'];

  it('previews pasted names and addresses as the API reads them, with the reason for a skipped one, and adds them by name', async () => {
    await new AppLayout(page).goTo('Customers');
    const customers = new CustomersPage(page);
    const dialog = await customers.pasteIdentifiers(PASTE);
    const preview = dialog.getByRole('list', { name: 'Entries to add' });
    await preview.getByRole('listitem').nth(2).waitFor();
    expect(await preview.getByRole('listitem').allInnerTexts()).toEqual(ENTRIES);
    expect(await dialog.getByRole('list', { name: 'Entries that will be skipped' }).innerText()).toBe("'user name@example.org' has a space inside the address");
    await screenshot(page, 'add-customers-preview');
    await dialog.getByRole('button', { name: 'Add customers' }).click();
    const results = dialog.getByRole('table', { name: 'Results' });
    await results.waitFor();
    expect((await results.getByRole('row').allInnerTexts()).slice(1).map((row) => row.split(/\s*\t\s*|\n/).filter(Boolean))).toEqual([
      ['"Dubois, Pierre" <pierre.dubois@example.org>', 'Created', 'Dubois, Pierre'],
      ['Zoë Åberg <zoe.aberg@example.org>', 'Created', 'Zoë Åberg'],
      ['ops@example.org', 'Created', 'ops'],
      ['user name@example.org', 'Rejected', "'user name@example.org' has a space inside the address"],
    ]);
    // The entry column is wide enough that an entry wraps at most once (not every few characters).
    const lines = await results.getByRole('cell', { name: 'Zoë Åberg <zoe.aberg@example.org>' }).evaluate((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    });
    expect(lines).toBeLessThanOrEqual(2);
    await screenshot(page, 'add-customers-names-results');
    await page.keyboard.press('Escape');
  });

  it('says the same in Japanese; existing customers keep their names', async () => {
    const layout = new AppLayout(page);
    await layout.switchLanguage('日本語');
    const customers = new CustomersPage(page);
    const dialog = await customers.pasteIdentifiers(`${PASTE}\nida@example.com\u200B`, { open: '顧客を追加', field: 'メールアドレスまたはユーザー名' });
    const preview = dialog.getByRole('list', { name: '追加される項目' });
    await preview.getByRole('listitem').nth(3).waitFor();
    expect(await preview.getByRole('listitem').allInnerTexts()).toEqual([...ENTRIES, 'ida@example.com']);
    expect(await dialog.getByRole('list', { name: 'スキップされる項目' }).innerText()).toBe("'user name@example.org': アドレスの中に空白があります");
    await screenshot(page, 'add-customers-preview-ja');
    await dialog.getByRole('button', { name: '顧客を追加' }).click();
    const results = dialog.getByRole('table', { name: '結果' });
    await results.waitFor();
    expect((await results.getByRole('row').allInnerTexts()).slice(1).map((row) => row.split(/\s*\t\s*|\n/).filter(Boolean))).toEqual([
      ['"Dubois, Pierre" <pierre.dubois@example.org>', '既存', 'Dubois, Pierre'],
      ['Zoë Åberg <zoe.aberg@example.org>', '既存', 'Zoë Åberg'],
      ['ops@example.org', '既存', 'ops'],
      ['user name@example.org', '却下', "'user name@example.org': アドレスの中に空白があります"],
      // The removed character is spelled out where the entry is shown.
      ['ida@example.com<U+200B>', '作成', 'ida'],
    ]);
    await screenshot(page, 'add-customers-names-results-ja');
    await page.keyboard.press('Escape');
    await layout.switchLanguage('English', '言語');
  });

  it('on a phone-sized window the menu covers the page like a dialog: the page is out of reach under it, Escape closes it', async () => {
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, storageState: await page.context().storageState() })).newPage();
    phone.setDefaultTimeout(10_000);
    await phone.goto(`${server.baseUrl}/customers`);
    await new CustomersPage(phone).waitForList();
    const burger = phone.getByRole('button', { name: 'Toggle navigation' });
    await burger.click();
    const nav = phone.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Organizations' }).waitFor();
    // Tab from the last link goes on, never to the page under the menu (it is inert).
    await nav.getByRole('link', { name: 'Settings' }).focus();
    for (let i = 0; i < 6; i++) {
      await phone.keyboard.press('Tab');
      expect(await phone.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(false);
    }
    await expectAccessible(phone, 'the narrow menu, open');
    await screenshot(phone, 'customers-narrow-menu-open');
    await nav.getByRole('link', { name: 'Customers' }).focus();
    await phone.keyboard.press('Escape');
    await burger.and(phone.locator(':focus')).waitFor();
    expect(await burger.getAttribute('aria-expanded')).toBe('false');
    // Closed, the page is reachable again.
    await phone.getByLabel('Search customers').focus();
    expect(await phone.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
    await phone.context().close();
  });

  it('on a phone-sized window the header wraps in English and Japanese: its buttons on the screen, the description at full width', async () => {
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, storageState: await page.context().storageState() })).newPage();
    phone.setDefaultTimeout(10_000);
    await phone.goto(`${server.baseUrl}/customers`);
    const layout = new AppLayout(phone);
    for (const [language, addLabel] of [['English', 'Add customers'], ['日本語', '顧客を追加']] as const) {
      if (language === '日本語') await layout.switchLanguage(language);
      // The table's name is in the language shown; its first row is enough here.
      await phone.locator('main tbody tr').first().waitFor();
      const header = phone.locator('main').getByRole('heading', { level: 1 }).locator('xpath=../..');
      const description = header.locator('p');
      // The description was squeezed beside the buttons into a column a few words (in Japanese, characters) wide.
      expect((await description.boundingBox())!.width).toBeGreaterThan(300);
      const buttons = [phone.getByRole('button', { name: addLabel }), ...(await phone.locator('main').getByRole('link').filter({ has: phone.locator('svg') }).all())];
      for (const button of buttons) expect((await button.boundingBox())!.x + (await button.boundingBox())!.width).toBeLessThanOrEqual(390);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectAccessible(phone, `the customers list at 390 px (${language})`);
      await screenshot(phone, `customers-390-${language === 'English' ? 'en' : 'ja'}`);
    }
    await layout.switchLanguage('English', '言語');
    await phone.context().close();
  });

  it('the Columns popover works from the keyboard: opened, the focus is on its first checkbox; Tab stays in it; Escape closes it back to the button', async () => {
    await page.goto(`${server.baseUrl}/customers`);
    const customers = new CustomersPage(page);
    await customers.waitForList();
    const trigger = page.getByRole('button', { name: 'Columns' });
    await trigger.focus();
    await page.keyboard.press('Enter');
    const popover = page.getByRole('dialog');
    await popover.getByRole('checkbox').first().waitFor();
    const focusInPopover = () => page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')) && document.activeElement?.getAttribute('type') === 'checkbox');
    await page.waitForFunction(() => document.activeElement?.closest('[role="dialog"]') && document.activeElement.getAttribute('type') === 'checkbox');
    const first = await page.evaluate(() => document.activeElement?.id);
    expect(first).toBe(await popover.getByRole('checkbox').first().getAttribute('id'));
    await expectAccessible(page, 'the Columns popover', '[role="dialog"]');
    // Space shows the field as a column; Tab and Shift+Tab move among the checkboxes, never out behind the popover.
    const label = (await popover.getByRole('checkbox').first().evaluate((box) => (box as HTMLInputElement).labels?.[0]?.textContent)) ?? '';
    await page.keyboard.press('Space');
    await customers.table.getByRole('columnheader', { name: label }).waitFor();
    const checkboxes = await popover.getByRole('checkbox').count();
    for (let i = 0; i < checkboxes + 1; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInPopover()).toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    expect(await focusInPopover()).toBe(true);
    await page.keyboard.press('Escape');
    await popover.waitFor({ state: 'detached' });
    await trigger.and(page.locator(':focus')).waitFor();
    // Opened with the pointer, the keyboard goes on in the popover too.
    await trigger.click();
    await page.waitForFunction(() => document.activeElement?.closest('[role="dialog"]') && document.activeElement.getAttribute('type') === 'checkbox');
    await page.keyboard.press('Space');
    await customers.table.getByRole('columnheader', { name: label }).waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await trigger.and(page.locator(':focus')).waitFor();
  });

  it('Back undoes a filter change; a typed search is one step, not one per keystroke', async () => {
    await page.goto(`${server.baseUrl}/customers`);
    const customers = new CustomersPage(page);
    await customers.waitForList();
    const product = page.getByRole('combobox', { name: 'Product' });
    const pick = async (index: number) => {
      const before = new URL(page.url()).searchParams.get('product');
      await product.click();
      const option = page.getByRole('option').nth(index);
      const name = await option.innerText();
      await option.click();
      await page.waitForURL((url) => url.searchParams.has('product') && url.searchParams.get('product') !== before);
      await page.getByText(/^[\d,]+ customers?$/).waitFor();
      return { name, id: new URL(page.url()).searchParams.get('product') };
    };
    const first = await pick(0);
    const second = await pick(1);
    expect(second.id).not.toBe(first.id);
    // A search typed in two bursts (a pause between them) is one step. While the list follows, the box keeps
    // what was typed: it used to flash back to the old search for a moment, losing keys typed then.
    type Watched = { searchShown: string[]; searchWatched: boolean };
    await customers.search.evaluate((box: HTMLInputElement) => {
      const state = window as unknown as Watched;
      state.searchShown = [box.value];
      state.searchWatched = true;
      const tick = () => {
        if (box.value !== state.searchShown.at(-1)) state.searchShown.push(box.value);
        if (state.searchWatched) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await customers.searchFor('ann');
    await customers.rows().nth(1).filter({ hasText: /ann/i }).waitFor();
    const shown = await page.evaluate(() => {
      const state = window as unknown as Watched;
      state.searchWatched = false;
      return state.searchShown;
    });
    expect(shown).toEqual(['', 'ann']);
    await customers.search.pressSequentially('a', { delay: 50 });
    await page.waitForURL((url) => url.searchParams.get('q') === 'anna');
    expect(await customers.search.inputValue()).toBe('anna');
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('q') && url.searchParams.get('product') === second.id);
    expect(await customers.search.inputValue()).toBe('');
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('product') === first.id);
    // The filter shows the product it is back to.
    for (const deadline = Date.now() + 5_000; (await product.inputValue()) !== first.name && Date.now() < deadline; ) await page.waitForTimeout(100);
    expect(await product.inputValue()).toBe(first.name);
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/customers' && !url.searchParams.has('product'));
    await customers.rows().nth(1).waitFor();
  });

  it('ran every step above under the server\'s content security policy without a violation', () => {
    expect(appCsp).toContain("script-src 'self'");
    expect(cspViolations).toEqual([]);
  });
});
