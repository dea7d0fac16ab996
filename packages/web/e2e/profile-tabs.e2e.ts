import type { Browser, Page } from 'playwright-core';
import { GraphQLTestClient } from '../../api/test/support/graphql-client';
import { DEMO_PASSWORD, startAppServer, type AppServer } from './support/app-server';
import { launchBrowser, screenshot } from './support/browser';
import { AppLayout } from './pages/app-layout.page';
import { RECORD_TABS, RecordTabs, type RecordTab } from './pages/record-tabs.page';
import { SignInPage } from './pages/sign-in.page';

const PROFILE_TABS: RecordTab[] = ['details', 'entitlements', 'requests', 'notes', 'history'];
const ORGANIZATION_TABS: RecordTab[] = ['members', ...PROFILE_TABS];

/**
 * The whole profile on the lived-in demo: a seeded customer who has detail
 * values, inherited entitlements, requests, notes and history, and their
 * organization (with notes too), walked tab by tab in English and Japanese (axe on
 * each, a screenshot of each).
 */
describe('every tab of a seeded profile and organization (real Chromium)', () => {
  let server: AppServer;
  let browser: Browser;
  let page: Page;
  let customer: { id: string; displayName: string; organizations: Array<{ id: string; name: string; notes: { totalCount: number } }> };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    const agent = new GraphQLTestClient(server.baseUrl);
    await agent.signIn('agent@demo.test', DEMO_PASSWORD);
    const { customers } = await agent.ok(`{ customers(first: 200) { edges { node { id displayName organizations { id name notes(first: 1) { totalCount } }
      entitlements { organization { id } } requests(first: 1) { totalCount } notes(first: 1) { totalCount } history(first: 1) { totalCount } } } } }`);
    type Node = typeof customer & { entitlements: Array<{ organization: { id: string } | null }>; requests: { totalCount: number }; notes: { totalCount: number } };
    customer = customers.edges
      .map((e: { node: Node }) => e.node)
      .find((c: Node) => c.entitlements.some((e) => e.organization) && c.requests.totalCount > 2 && c.notes.totalCount > 0 && c.organizations[0]?.notes.totalCount > 0);
    expect(customer).toBeDefined();
    page = await SignInPage.signedInPage(browser, server.baseUrl, 'agent@demo.test', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  // The language is the agent's own setting: a Japanese test that fails half-way must not leave the next tests in Japanese.
  afterEach(async () => {
    if ((await page.evaluate(() => document.documentElement.lang)) === 'ja') await new AppLayout(page).switchLanguage('English', '言語');
  });

  for (const language of ['en', 'ja'] as const) {
    const languageName = language === 'en' ? 'English' : 'Japanese';
    // Two tests per language (eleven tabs, each with axe and a screenshot, outgrew one test's time on a loaded machine).
    it(`walks the five profile tabs in ${languageName}`, async () => {
      const layout = new AppLayout(page);
      await page.goto(`${server.baseUrl}/customers/${customer.id}`);
      if (language === 'ja') await layout.switchLanguage('日本語');
      const tabs = new RecordTabs(page, RECORD_TABS[language]);
      await page.getByRole('heading', { level: 1, name: customer.displayName }).waitFor();
      for (const tab of PROFILE_TABS) {
        const panel = await tabs.open(tab);
        if (tab === 'entitlements') await panel.getByText(language === 'en' ? `via ${customer.organizations[0].name}` : `${customer.organizations[0].name} 経由`).first().waitFor();
        await screenshot(page, `walk-profile-${tab}-${language}`);
      }
    });

    it(`follows the profile's organization link and walks its six tabs in ${languageName}`, async () => {
      await page.goto(`${server.baseUrl}/customers/${customer.id}`);
      if (language === 'ja') await new AppLayout(page).switchLanguage('日本語');
      const tabs = new RecordTabs(page, RECORD_TABS[language]);
      const organization = customer.organizations[0];
      await page.getByRole('link', { name: organization.name }).first().click();
      await page.getByRole('heading', { level: 1, name: organization.name }).waitFor();
      for (const tab of ORGANIZATION_TABS) {
        await tabs.open(tab);
        await screenshot(page, `walk-organization-${tab}-${language}`);
      }
    });
  }

  it('on a phone-sized window, in English and Japanese, the Edit button is whole and each detail value has the width of the card', async () => {
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, storageState: await page.context().storageState() })).newPage();
    phone.setDefaultTimeout(10_000);
    await phone.goto(`${server.baseUrl}/customers/${customer.id}`);
    const layout = new AppLayout(phone);
    for (const [language, edit] of [['English', 'Edit'], ['日本語', '編集']] as const) {
      if (language === '日本語') await layout.switchLanguage(language);
      await phone.getByRole('heading', { level: 1, name: customer.displayName }).waitFor();
      const button = phone.getByRole('button', { name: edit, exact: true });
      // The button was cut to "Edi" beside the name.
      expect(await button.evaluate((b) => b.scrollWidth <= b.clientWidth && b.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
      const rows = phone.getByRole('tabpanel').locator('[role="group"][aria-labelledby]');
      await rows.first().waitFor();
      // Beside a 200 px label the values were a column a few characters wide ("Bronz/e", a phone number on four lines).
      const widths = await rows.evaluateAll((groups) => groups.map((group) => group.children[1].getBoundingClientRect().width));
      expect(Math.min(...widths)).toBeGreaterThan(250);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(phone, `profile-390-${language === 'English' ? 'en' : 'ja'}`);
    }
    await layout.switchLanguage('English', '言語');
    await phone.context().close();
  });
});
