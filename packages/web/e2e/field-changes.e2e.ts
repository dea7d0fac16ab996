import type { Browser, Page } from 'playwright-core';
import { GraphQLTestClient } from '../../api/test/support/graphql-client';
import { DEMO_PASSWORD, startAppServer, type AppServer } from './support/app-server';
import { launchBrowser, screenshot } from './support/browser';
import { SignInPage } from './pages/sign-in.page';
import { CustomersPage } from './pages/customers.page';
import { ProfilePage } from './pages/profile.page';
import { AppLayout } from './pages/app-layout.page';

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
  let billing: string;
  let profileUrl: string;

  const createField = async (label: string, type: string, options: string[] = []): Promise<string> =>
    (await admin.ok(`mutation($l: String!, $t: DetailFieldType!, $o: [String!]) { createDetailField(input: { scope: CUSTOMER, label: $l, type: $t, options: $o }) { id } }`, { l: label, t: type, o: options })).createDetailField.id;
  const setValue = (customerId: string, key: string, value: unknown) =>
    admin.ok(`mutation($id: ID!, $k: String!, $v: JSON) { setDetailValues(input: { customerId: $id, values: [{ fieldKey: $k, value: $v }] }) { __typename } }`, { id: customerId, k: key, v: value });
  /** As an admin in another browser: who may view and edit a field (`null`: all agents; else the Billing team, which the agent is not in). */
  const setAudience = (fieldId: string, view: 'billing' | null, edit: 'billing' | null) => {
    const audience = (who: 'billing' | null) => (who ? { agents: false, teamIds: [billing] } : { agents: true, teamIds: [] });
    return admin.ok(`mutation($id: ID!, $v: FieldAudienceInput!, $e: FieldAudienceInput!) { setDetailFieldPermissions(input: { fieldId: $id, view: $v, edit: $e }) { id } }`, { id: fieldId, v: audience(view), e: audience(edit) });
  };

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
    billing = (await admin.ok(`{ teams { id name } }`)).teams.find((t: { name: string }) => t.name === 'Billing').id;
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

    await admin.ok(`mutation($id: ID!, $t: ID!) { setDetailFieldPermissions(input: { fieldId: $id, view: { agents: false, teamIds: [$t] }, edit: { agents: false, teamIds: [$t] } }) { id } }`, { id: field.id, t: billing });

    // The agent's next action: search for the Gold holder.
    await customers.searchFor(holders.Gold);
    await page.getByText('Plan is no longer available to you.').waitFor();
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

  it('on a profile, closing an editor with Escape or Enter puts focus back on its Edit button', async () => {
    await createField('Seats', 'NUMBER');
    const { customers } = await admin.ok(`{ customers(first: 3) { edges { node { id } } } }`);
    profileUrl = `${server.baseUrl}/customers/${customers.edges[2].node.id}`;
    const profile = new ProfilePage(page);
    await profile.openDetails(profileUrl);
    await profile.typeValue('Seats', '4');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Edit Seats');
    await profile.field('Seats').getByText('Not set').waitFor();
    await profile.typeValue('Seats', '5');
    await page.keyboard.press('Enter');
    await profile.field('Seats').getByText('5', { exact: true }).waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Edit Seats');
  });

  it('on a profile, Escape in an open option list only closes the list; the next Escape leaves the editor', async () => {
    await createField('Contract level', 'SELECT', ['Gold', 'Silver']);
    const profile = new ProfilePage(page);
    await profile.openDetails(profileUrl);
    await profile.editButton('Contract level').click();
    await profile.field('Contract level').getByRole('combobox', { name: 'Contract level' }).click();
    await page.getByRole('option', { name: 'Silver', exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('option', { name: 'Silver', exact: true }).waitFor({ state: 'hidden' });
    expect(await profile.field('Contract level').getByRole('button', { name: 'Save' }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await profile.editButton('Contract level').waitFor();
    expect(await profile.field('Contract level').getByRole('button', { name: 'Save' }).count()).toBe(0);
  });

  it('on a profile, saving a field an admin just hid or made view-only closes the editor and says so, without an error', async () => {
    const tier = await createField('Tier', 'SELECT', ['Gold', 'Silver']);
    const region = await createField('Region', 'TEXT');
    const customerId = new URL(profileUrl).pathname.split('/').pop()!;
    await setValue(customerId, 'tier', 'Gold');
    const profile = new ProfilePage(page);
    await profile.openDetails(profileUrl);

    // Edit narrowed to a team the agent is not in: the value stays, locked.
    await profile.typeValue('Region', 'EMEA');
    await setAudience(region, null, 'billing');
    await profile.field('Region').getByRole('button', { name: 'Save' }).click();
    await page.getByText('You can no longer edit Region.').waitFor();
    await profile.field('Region').getByRole('img', { name: 'You can view but not edit this field' }).waitFor();
    expect(await profile.field('Region').getByRole('textbox').count()).toBe(0);
    expect(await page.getByText('Something went wrong').count()).toBe(0);
    await screenshot(page, 'profile-field-read-only-notice');

    // View and edit narrowed: the field goes, with its value.
    await profile.chooseOption('Tier', 'Silver');
    await setAudience(tier, 'billing', 'billing');
    await profile.field('Tier').getByRole('button', { name: 'Save' }).click();
    await page.getByText('Tier is no longer available to you.').waitFor();
    await profile.field('Tier').waitFor({ state: 'detached' });
    expect(await page.getByText('Gold', { exact: true }).count()).toBe(0);
    expect(await page.getByText('Something went wrong').count()).toBe(0);
    await screenshot(page, 'profile-field-unavailable-notice');
  });

  it('on a profile, a field hidden meanwhile disappears with a notice when another field is saved, not shown as empty (Japanese)', async () => {
    const fields: Array<{ id: string; key: string }> = (await admin.ok(`{ detailFields(scope: CUSTOMER) { id key } }`)).detailFields;
    const region = fields.find((f) => f.key === 'region')!.id;
    const customerId = new URL(profileUrl).pathname.split('/').pop()!;
    await setAudience(region, null, null);
    await setValue(customerId, 'region', 'APAC');
    const layout = new AppLayout(page);
    const profile = new ProfilePage(page);
    await profile.openDetails(profileUrl);
    await layout.switchLanguage('日本語');
    await page.getByText('APAC', { exact: true }).waitFor();
    await setAudience(region, 'billing', 'billing');
    await page.getByRole('button', { name: 'Seats を編集' }).click();
    await page.getByRole('textbox', { name: 'Seats', exact: true }).fill('6');
    await page.keyboard.press('Enter');
    await page.getByText('Region は表示できなくなりました。').waitFor();
    await profile.field('Region').waitFor({ state: 'detached' });
    expect(await page.getByText('APAC', { exact: true }).count()).toBe(0);
    await profile.field('Seats').getByText('6', { exact: true }).waitFor();
    await screenshot(page, 'profile-field-unavailable-notice-ja');
    await layout.switchLanguage('English', '言語');
  });

  it('in the list, a column whose field was hidden meanwhile goes with a notice at the next page of results, not shown as empty', async () => {
    const segment = await createField('Segment', 'SELECT', ['Retail', 'Wholesale']);
    const { customers: list } = await admin.ok(`{ customers(first: 1) { edges { node { id } } } }`);
    await setValue(list.edges[0].node.id, 'segment', 'Wholesale');
    const customers = new CustomersPage(page);
    const { agents } = await admin.ok(`{ agents { id email } }`);
    const agentId = agents.find((a: { email: string }) => a.email === 'agent@demo.test').id;
    await page.evaluate((key) => localStorage.setItem(key, JSON.stringify(['segment'])), `cp.customerColumns.${agentId}`);
    await page.goto(`${server.baseUrl}/customers`);
    await customers.table.getByRole('columnheader', { name: /Segment/ }).waitFor();
    await customers.table.getByText('Wholesale', { exact: true }).waitFor();

    await setAudience(segment, 'billing', 'billing');
    await customers.table.getByRole('button', { name: 'Email', exact: true }).click();
    await page.getByText('Segment is no longer available to you.').waitFor();
    await customers.table.getByRole('columnheader', { name: /Segment/ }).waitFor({ state: 'detached' });
    expect(await page.getByText('Wholesale', { exact: true }).count()).toBe(0);
    await screenshot(page, 'customers-column-unavailable');
  });
});
