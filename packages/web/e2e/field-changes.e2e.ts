import type { Browser, Page } from 'playwright-core';
import { GraphQLTestClient } from '../../api/test/support/graphql-client';
import { DEMO_PASSWORD, startAppServer, type AppServer } from './support/app-server';
import { launchBrowser, screenshot } from './support/browser';
import { SignInPage } from './pages/sign-in.page';
import { CustomersPage } from './pages/customers.page';

/**
 * Fields change under an open page: an admin (through the API, as in
 * another browser) renames an option a bookmark filters on, then narrows the
 * field to another team while an agent shows it as column, sort and filter.
 */
describe('detail fields changed while agents use them (real Chromium)', () => {
  let server: AppServer;
  let browser: Browser;
  let page: Page;
  let admin: GraphQLTestClient;
  let field: { id: string };
  const holders: Record<string, string> = {};

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    admin = new GraphQLTestClient(server.baseUrl);
    await admin.signIn('admin@demo.test', DEMO_PASSWORD);
    field = (await admin.ok(`mutation { createDetailField(input: { scope: CUSTOMER, label: "Plan", type: SELECT, options: ["Gold", "Silver", "Bronze"] }) { id } }`)).createDetailField;
    const { customers } = await admin.ok(`{ customers(first: 2) { edges { node { id displayName } } } }`);
    for (const [i, value] of ['Gold', 'Silver'].entries()) {
      const { id, displayName } = customers.edges[i].node;
      holders[value] = displayName;
      await admin.ok(`mutation($id: ID!, $v: JSON) { setDetailValues(input: { customerId: $id, values: [{ fieldKey: "plan", value: $v }] }) { __typename } }`, { id, v: value });
    }
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(10_000);
    const signIn = new SignInPage(page);
    await signIn.open(server.baseUrl);
    await signIn.signIn('agent@demo.test', DEMO_PASSWORD);
    await page.waitForURL(/\/customers/);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a bookmarked filter on an option since renamed says it no longer applies, lists nobody, and can be removed', async () => {
    const customers = new CustomersPage(page);
    await page.goto(`${server.baseUrl}/customers?detail=plan.is.Silver`);
    await customers.table.getByText(holders.Silver).waitFor();
    expect(await customers.rows().count()).toBe(2); // the header row and Silver's holder

    await admin.ok(`mutation($id: ID!) { updateDetailField(input: { id: $id, options: ["Gold", "Platinum", "Bronze"], optionRenames: [{ from: "Silver", to: "Platinum" }] }) { id } }`, { id: field.id });
    await page.reload();
    const stale = page.getByRole('listitem').filter({ hasText: 'Plan is Silver — no longer applies' });
    await stale.waitFor();
    await page.getByText('A filter from this link no longer applies').waitFor();
    expect(await customers.table.count()).toBe(0);
    await screenshot(page, 'customers-stale-filter');

    await stale.getByRole('button', { name: 'Remove filter Plan is Silver — no longer applies' }).click();
    await customers.table.getByText(holders.Gold).waitFor();
    expect(new URL(page.url()).searchParams.getAll('detail')).toEqual([]);
    expect(await customers.rows().count()).toBeGreaterThan(3);
  });

  it('when the field is narrowed to another team, the next request drops its column, sort and filter, forgets its values and says so, without a reload', async () => {
    const customers = new CustomersPage(page);
    const { agents } = await admin.ok(`{ agents { id email } }`);
    const agentId = agents.find((a: { email: string }) => a.email === 'agent@demo.test').id;
    await page.evaluate((key) => localStorage.setItem(key, JSON.stringify(['plan'])), `cp.customerColumns.${agentId}`);
    await page.goto(`${server.baseUrl}/customers?sort=d.plan&detail=plan.set`);
    await customers.table.getByRole('columnheader', { name: /Plan/ }).waitFor();
    await customers.table.getByText('Gold', { exact: true }).waitFor();
    await customers.table.getByText('Platinum', { exact: true }).waitFor();
    await page.evaluate(() => ((window as unknown as { stillLoaded: boolean }).stillLoaded = true));

    const { teams } = await admin.ok(`{ teams { id name } }`);
    const billing = teams.find((t: { name: string }) => t.name === 'Billing').id;
    await admin.ok(`mutation($id: ID!, $t: ID!) { setDetailFieldPermissions(input: { fieldId: $id, view: { agents: false, teamIds: [$t] }, edit: { agents: false, teamIds: [$t] } }) { id } }`, { id: field.id, t: billing });

    // The agent's next action: search for the Gold holder.
    await customers.searchFor(holders.Gold);
    await page.getByText('Some detail fields are no longer available to you').waitFor();
    await customers.table.getByText(holders.Gold).waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.get('sort')).toBeNull();
    expect(url.searchParams.getAll('detail')).toEqual([]);
    expect(await customers.table.getByRole('columnheader', { name: /Plan/ }).count()).toBe(0);
    expect(await page.getByText('Gold', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { stillLoaded?: boolean }).stillLoaded)).toBe(true);
    await screenshot(page, 'customers-field-unavailable');
  });

  it('an admin removing options sees how many values that clears before saving', async () => {
    const adminPage = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    adminPage.setDefaultTimeout(10_000);
    const signIn = new SignInPage(adminPage);
    await signIn.open(server.baseUrl);
    await signIn.signIn('admin@demo.test', DEMO_PASSWORD);
    await adminPage.waitForURL(/\/customers/);
    await adminPage.goto(`${server.baseUrl}/settings/detail-fields`);
    await adminPage.getByRole('button', { name: 'Actions for Plan' }).click();
    await adminPage.getByRole('menuitem', { name: 'Edit' }).click();
    const dialog = adminPage.getByRole('dialog', { name: 'Edit Plan' });
    await dialog.getByRole('button', { name: 'Remove option 1' }).click();
    await dialog.getByText('1 value uses them and will be cleared.').waitFor();
    // Options 2 and 3 are now Platinum and Bronze: removing Platinum adds its holder.
    await dialog.getByRole('button', { name: 'Remove option 1' }).click();
    await dialog.getByText('2 values use them and will be cleared.').waitFor();
    await screenshot(adminPage, 'edit-field-removal-count');
    await adminPage.context().close();
  });
});
