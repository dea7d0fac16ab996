import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, startAppServer, type AppServer } from './support/app-server';
import { launchBrowser, screenshot } from './support/browser';
import { SignInPage } from './pages/sign-in.page';
import { AppLayout } from './pages/app-layout.page';
import { CustomersPage } from './pages/customers.page';
import { DetailFieldsPage } from './pages/detail-fields.page';
import { ProfilePage } from './pages/profile.page';

describe('a detail field visible to one team only (real Chromium)', () => {
  let server: AppServer;
  let browser: Browser;
  let page: Page;
  let profileUrl: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Each person in their own browser context: no cookie or cache carries over. */
  async function signInAs(email: string): Promise<void> {
    await page?.context().close();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(10_000);
    const signIn = new SignInPage(page);
    await signIn.open(server.baseUrl);
    await signIn.signIn(email, DEMO_PASSWORD);
    await page.waitForURL(/\/customers/);
  }

  it('an admin creates a select field that only team "Tier 1" may view and edit', async () => {
    await signInAs('admin@demo.test');
    const fields = new DetailFieldsPage(page);
    await fields.open(server.baseUrl);
    await fields.create({ label: 'Contract tier', type: 'Dropdown (one option)', options: ['Gold', 'Silver'], team: 'Tier 1' });
    await fields.row('Contract tier').getByText('Tier 1').first().waitFor();
    await screenshot(page, 'detail-fields-settings');

    await new AppLayout(page).goTo('Customers');
    const first = new CustomersPage(page).rows().nth(1).getByRole('link').first();
    await first.click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}/);
    profileUrl = page.url().split('?')[0];
  });

  it('an agent outside the team does not see the field on a profile', async () => {
    await signInAs('billing@demo.test');
    const profile = new ProfilePage(page);
    await profile.openDetails(profileUrl);
    await page.getByRole('tabpanel').waitFor();
    expect(await profile.field('Contract tier').count()).toBe(0);
    expect(await page.getByText('Contract tier').count()).toBe(0);
    await screenshot(page, 'profile-details-outside-team');
  });

  it('an agent inside the team edits it, and the value is saved', async () => {
    await signInAs('agent@demo.test');
    const profile = new ProfilePage(page);
    await profile.openDetails(profileUrl);
    await profile.editSelect('Contract tier', 'Gold');
    await profile.field('Contract tier').getByText('Gold').waitFor();
    await page.reload();
    await profile.field('Contract tier').getByText('Gold').waitFor();
    await screenshot(page, 'profile-details-inside-team');
  });
});
