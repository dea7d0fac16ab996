import type { Browser, Page } from 'playwright-core';
import { GraphQLTestClient } from '../../api/test/support/graphql-client';
import { runImport } from '../../api/test/support/import-client';
import { DEMO_PASSWORD, startAppServer, type AppServer } from './support/app-server';
import { launchBrowser, screenshot } from './support/browser';
import { AppLayout } from './pages/app-layout.page';
import { HISTORY_LABELS, HistoryTab } from './pages/history.page';
import { ProfilePage } from './pages/profile.page';
import { SignInPage } from './pages/sign-in.page';

/** An agent edits a detail value and a built-in attribute, then reads the History tabs of the profile and the organization, in English and Japanese; and the entry of a customer an import created. */
describe('history (real Chromium)', () => {
  let server: AppServer;
  let browser: Browser;
  let page: Page;
  let admin: GraphQLTestClient;
  let customer: { id: string; displayName: string; organizations: Array<{ id: string; name: string }> };
  let profileUrl: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    admin = new GraphQLTestClient(server.baseUrl);
    await admin.signIn('admin@demo.test', DEMO_PASSWORD);
    // The seed's Support tier field, and a field of our own.
    await admin.ok(`mutation { createDetailField(input: { scope: CUSTOMER, label: "Seats", type: NUMBER }) { id } }`);
    const { customers } = await admin.ok(`{ customers(first: 50) { edges { node { id displayName organizations { id name } detailsByKey } } } }`);
    // A member of an organization whose tier the seed left empty, so the admin's first value below is set "to", not "from".
    customer = customers.edges
      .map((e: { node: typeof customer & { detailsByKey: object } }) => e.node)
      .find((c: typeof customer & { detailsByKey: object }) => c.organizations.length > 0 && !('support_tier' in c.detailsByKey));
    // Written by the admin through the API: a value from before, and one through a token.
    await admin.ok(`mutation($id: ID!) { setDetailValues(input: { customerId: $id, values: [{ fieldKey: "support_tier", value: "Silver" }] }) { __typename } }`, { id: customer.id });
    const { createApiToken } = await admin.ok(`mutation { createApiToken(input: { name: "CRM sync", role: AGENT }) { token } }`);
    const partner = new GraphQLTestClient(server.baseUrl);
    partner.bearer = createApiToken.token;
    await partner.ok(`mutation($id: ID!) { setDetailValues(input: { customerId: $id, values: [{ fieldKey: "seats", value: 12500 }] }) { __typename } }`, { id: customer.id });
    profileUrl = `${server.baseUrl}/customers/${customer.id}`;
    page = await SignInPage.signedInPage(browser, server.baseUrl, 'agent@demo.test', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows who changed a detail value and built-in attributes, newest first, with values formatted', async () => {
    const profile = new ProfilePage(page);
    await profile.openDetails(profileUrl);
    await profile.editSelect('Support tier', 'Gold');
    await profile.field('Support tier').getByText('Gold').waitFor();
    await profile.openEditDialog();
    await profile.editDialog.getByRole('textbox', { name: 'Display name' }).fill('Dana Lee');
    await profile.editDialog.getByRole('textbox', { name: 'External ID' }).fill(' CRM-7 ');
    await profile.editDialog.getByRole('button', { name: 'Save' }).click();
    await profile.editDialog.waitFor({ state: 'detached' });
    // The header shows it, trimmed, with the other attributes.
    await page.getByRole('definition').filter({ hasText: /^CRM-7$/ }).waitFor();

    const history = new HistoryTab(page);
    await history.open(profileUrl);
    const entries = await history.entries();
    expect(entries[0]).toMatch(/^Sam Support set External ID to CRM-7 · /);
    expect(entries[1]).toMatch(new RegExp(`^Sam Support set Display name from ${customer.displayName} to Dana Lee · (now|\\d+ seconds? ago)$`));
    expect(entries[2]).toMatch(/^Sam Support set Support tier from Silver to Gold · /);
    expect(entries[3]).toMatch(/^Ada Admin set Seats to 12,500 via token CRM sync · /);
    expect(entries[4]).toMatch(/^Ada Admin set Support tier to Silver · /);
    // The exact time on hover.
    expect(await history.list.getByRole('listitem').first().locator('time').getAttribute('title')).toMatch(/\d{4}/);
    await screenshot(page, 'history-profile-en');
  });

  it("shows an organization's history: its name, a detail value, and a member leaving, on both sides", async () => {
    const organization = customer.organizations[0];
    await admin.ok(`mutation { createDetailField(input: { scope: ORGANIZATION, label: "Renewal", type: DATE }) { id } }`);
    const { organization: found } = await admin.ok(`query($o: ID!) { organization(id: $o) { version } }`, { o: organization.id });
    await admin.ok(`mutation($o: ID!, $v: Int!) { renameOrganization(id: $o, name: "Ferry Group", expectedVersion: $v) { id } }`, { o: organization.id, v: found.version });
    await admin.ok(`mutation($o: ID!) { setDetailValues(input: { organizationId: $o, values: [{ fieldKey: "renewal", value: "2027-03-31" }] }) { __typename } }`, { o: organization.id });
    await admin.ok(`mutation($o: ID!, $c: ID!) { removeCustomerFromOrganization(organizationId: $o, customerId: $c) { id } }`, { o: organization.id, c: customer.id });
    const history = new HistoryTab(page);
    await history.open(`${server.baseUrl}/organizations/${organization.id}`);
    const entries = await history.entries();
    expect(entries[0]).toMatch(/^Ada Admin removed Dana Lee from the members · /);
    expect(entries[1]).toMatch(/^Ada Admin set Renewal to Mar 31, 2027 · /);
    expect(entries[2]).toMatch(new RegExp(`^Ada Admin set Name from ${organization.name} to Ferry Group · `));
    await screenshot(page, 'history-organization-en');
    await history.open(profileUrl);
    expect((await history.entries())[0]).toMatch(/^Ada Admin removed this customer from Ferry Group · /);
  });

  it('does the same in Japanese, numbers in its format', async () => {
    const layout = new AppLayout(page);
    await layout.switchLanguage('日本語');
    const history = new HistoryTab(page, HISTORY_LABELS.ja);
    await history.open(profileUrl);
    const entries = await history.entries();
    expect(entries).toContainEqual(expect.stringMatching(/がSupport tierを「Silver」から「Gold」に変更しました · /));
    expect(entries).toContainEqual(expect.stringMatching(/がSeatsを「12,500」に設定しました トークン CRM sync 経由 · /));
    await screenshot(page, 'history-profile-ja');
    await layout.switchLanguage('English', '言語');
  });

  it('shows a customer an import created as one entry by the import, listing the values it was created with', async () => {
    const job = await runImport(server.baseUrl, admin, 'Email,Display name,Support tier,Seats\nivy.import@example.com,Ivy Import,Gold,1200\n');
    expect(job).toMatchObject({ status: 'SUCCEEDED', created: 1 });
    const { customers } = await admin.ok(`{ customers(first: 1, query: "ivy.import@example.com") { edges { node { id } } } }`);
    const history = new HistoryTab(page);
    await history.open(`${server.baseUrl}/customers/${customers.edges[0].node.id}`);
    expect(await history.entries()).toEqual([
      expect.stringMatching(/^Ada Admin created this customer Import · (now|\d+ seconds? ago) Display name: Ivy Import · Email: ivy\.import@example\.com · Support tier: Gold · Seats: 1,200$/),
    ]);
    await screenshot(page, 'history-imported-en');
  });

  it('pages through a long history with Load more, past 200 entries, focus on the first entry each press added', async () => {
    // 230 changes of one value, made through the API: more than the largest page.
    for (let n = 1; n <= 230; n += 1) {
      await admin.ok(`mutation($id: ID!, $v: JSON) { setDetailValues(input: { customerId: $id, values: [{ fieldKey: "seats", value: $v }] }) { __typename } }`, { id: customer.id, v: n });
    }
    const history = new HistoryTab(page);
    await history.open(profileUrl);
    const total = Number((await page.getByText(/^[\d,]+ changes$/).innerText()).replace(/\D/g, ''));
    expect(total).toBeGreaterThan(230);
    expect(await history.list.getByRole('listitem').count()).toBe(20);
    while ((await history.list.getByRole('listitem').count()) < total) {
      const before = await history.list.getByRole('listitem').count();
      await history.loadMore();
      // The keyboard user goes on reading where the new entries start.
      expect(await page.evaluate((index) => document.activeElement === document.querySelectorAll('ol[aria-label="Changes, newest first"] > li')[index], before)).toBe(true);
    }
    const entries = await history.entries();
    expect(entries).toHaveLength(total);
    // Every change once, in order: none lost or repeated between pages.
    const seats = entries.flatMap((e) => /^Ada Admin set Seats from ([\d,]+) to (\d+) · /.exec(e)?.slice(1, 3) ?? []);
    const expected = Array.from({ length: 230 }, (_, i) => [i === 229 ? '12,500' : String(229 - i), String(230 - i)]).flat();
    expect(seats).toEqual(expected);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);

    // Opening an editor selects the saved value: typing replaces it (it appended: "23012").
    const profile = new ProfilePage(page);
    await profile.openDetails(profileUrl);
    await profile.editButton('Seats').click();
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    await profile.field('Seats').getByText('12', { exact: true }).waitFor();
    await history.open(profileUrl);
    expect((await history.entries())[0]).toMatch(/^Sam Support set Seats from 230 to 12 · /);
  });
});
