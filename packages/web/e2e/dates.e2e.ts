import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, startAppServer, type AppServer } from './support/app-server';
import { expectAccessible } from './support/accessibility';
import { launchBrowser, screenshot } from './support/browser';
import { SignInPage } from './pages/sign-in.page';
import { AppLayout } from './pages/app-layout.page';
import { CustomersPage } from './pages/customers.page';
import { DetailFieldsPage } from './pages/detail-fields.page';
import { ProfilePage } from './pages/profile.page';

const FIELD = 'Renewal date';

describe('a DATE detail field: impossible days are refused, a day is the same day everywhere (real Chromium)', () => {
  let server: AppServer;
  let browser: Browser;
  let page: Page;
  let profileUrl: string;
  let customerName: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A fresh context per person and time zone, so nothing carries over but what the server saved. */
  async function signInAs(email: string, timezoneId?: string): Promise<void> {
    await page?.context().close();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId })).newPage();
    page.setDefaultTimeout(10_000);
    const signIn = new SignInPage(page);
    await signIn.open(server.baseUrl);
    await signIn.signIn(email, DEMO_PASSWORD);
    await page.waitForURL(/\/customers/);
  }

  /** What the Details tab shows for the field when it is not being edited. */
  async function shownValue(profile: ProfilePage): Promise<string> {
    return (await profile.field(FIELD).innerText()).replace(FIELD, '').trim();
  }

  it('an admin creates a date field for all agents', async () => {
    await signInAs('admin@demo.test');
    const fields = new DetailFieldsPage(page);
    await fields.open(server.baseUrl);
    await fields.create({ label: FIELD, type: 'Date', options: [] });
    await fields.row(FIELD).waitFor();

    await new AppLayout(page).goTo('Customers');
    const first = new CustomersPage(page).rows().nth(1).getByRole('link').first();
    customerName = await first.innerText();
    await first.click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}/);
    profileUrl = page.url().split('?')[0];
  });

  it('refuses 2026-02-29 and 2026-13-01 with a message, keeps the typed text, and saves nothing', async () => {
    await signInAs('agent@demo.test');
    const profile = new ProfilePage(page);
    await profile.openDetails(profileUrl);
    await profile.startEditing(FIELD);

    await profile.typeDate(FIELD, '2026-02-29');
    await profile.field(FIELD).getByText("Renewal date: '2026-02-29' is not a date: 2026-02 has 28 days (YYYY-MM-DD)").waitFor();
    expect(await profile.dateInput(FIELD).inputValue()).toBe('2026-02-29');
    expect(await profile.dateInput(FIELD).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'a refused date');
    await screenshot(page, 'date-refused-en');

    await profile.typeDate(FIELD, '2026-13-01');
    await profile.field(FIELD).getByText("Renewal date: '2026-13-01' is not a date: there is no month 13; months go from 01 to 12 (YYYY-MM-DD)").waitFor();
    expect(await profile.dateInput(FIELD).inputValue()).toBe('2026-13-01');

    await page.reload();
    await profile.field(FIELD).waitFor();
    expect(await shownValue(profile)).toBe('Not set');
  });

  it('says the same in Japanese', async () => {
    const profile = new ProfilePage(page);
    await new AppLayout(page).switchLanguage('日本語');
    await page.getByRole('button', { name: `${FIELD} を編集` }).click();
    await profile.dateInput(FIELD).fill('2026-02-29');
    await profile.field(FIELD).getByRole('button', { name: '保存' }).click();
    await profile.field(FIELD).getByText("Renewal date: '2026-02-29' — 存在しない日付です。2026年2月は 28 日までです（YYYY-MM-DD）").waitFor();
    await expectAccessible(page, 'a refused date, in Japanese');
    await screenshot(page, 'date-refused-ja');
    await new AppLayout(page).switchLanguage('English', '言語');
  });

  it('saves a real day typed as YYYY-MM-DD', async () => {
    await signInAs('agent@demo.test');
    const profile = new ProfilePage(page);
    await profile.openDetails(profileUrl);
    await profile.startEditing(FIELD);
    await profile.typeDate(FIELD, '2026-03-01');
    await profile.field(FIELD).getByText('Mar 1, 2026').waitFor();
    await page.reload();
    await profile.field(FIELD).getByText('Mar 1, 2026').waitFor();
  });

  it('picks a day from the calendar with named month buttons, at UTC+14 (Kiritimati)', async () => {
    await signInAs('agent@demo.test', 'Pacific/Kiritimati');
    const profile = new ProfilePage(page);
    await profile.openDetails(profileUrl);
    expect(await shownValue(profile)).toBe('Mar 1, 2026');
    await profile.startEditing(FIELD);
    const calendar = await profile.openCalendar(FIELD);
    await calendar.getByRole('button', { name: 'Next month' }).click();
    await calendar.getByRole('button', { name: 'Previous month' }).click();
    await calendar.getByRole('button', { name: 'Next month' }).click();
    await calendar.getByRole('button', { name: '15 April 2026' }).click();
    expect(await profile.dateInput(FIELD).inputValue()).toBe('2026-04-15');
    await profile.field(FIELD).getByRole('button', { name: 'Save' }).click();
    await profile.field(FIELD).getByText('Apr 15, 2026').waitFor();
  });

  it('shows the same day at UTC-11 (Pago Pago), in the profile and in the editor', async () => {
    await signInAs('agent@demo.test', 'Pacific/Pago_Pago');
    const profile = new ProfilePage(page);
    await profile.openDetails(profileUrl);
    expect(await shownValue(profile)).toBe('Apr 15, 2026');
    await profile.startEditing(FIELD);
    expect(await profile.dateInput(FIELD).inputValue()).toBe('2026-04-15');
  });

  it('the filter refuses an impossible day too, and finds the customer by the real one', async () => {
    await new AppLayout(page).goTo('Customers');
    const customers = new CustomersPage(page);
    await customers.startFilter(FIELD);
    await customers.filterValue.fill('2026-02-29');
    await customers.filtersDialog.getByRole('button', { name: 'Add filter' }).click();
    await customers.filtersDialog.getByText("Filter on Renewal date: '2026-02-29' is not a date: 2026-02 has 28 days (YYYY-MM-DD)").waitFor();
    expect(await customers.filterValue.inputValue()).toBe('2026-02-29');
    await customers.filterValue.fill('2026-04-15');
    await customers.filtersDialog.getByRole('button', { name: 'Add filter' }).click();
    await customers.filtersDialog.waitFor({ state: 'detached' });
    await page.waitForURL((url) => url.search.includes('2026-04-15'));
    await customers.table.getByRole('link', { name: customerName }).waitFor();
    expect(await customers.rows().count()).toBe(2); // header + the one customer with that day
  });
});
