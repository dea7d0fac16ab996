import type { Browser, Page } from 'playwright-core';
import { GraphQLTestClient } from '../../api/test/support/graphql-client';
import { DEMO_PASSWORD, startAppServer, type AppServer } from './support/app-server';
import { expectAccessible } from './support/accessibility';
import { launchBrowser, screenshot } from './support/browser';
import { AppLayout } from './pages/app-layout.page';
import { CustomersPage } from './pages/customers.page';
import { ENTITLEMENTS_LABELS, EntitlementsTab, ProductsSettingsPage } from './pages/entitlements.page';
import { SignInPage } from './pages/sign-in.page';

/**
 * An agent grants a product to an organization, sets its details, and sees it
 * inherited on a member's profile; an admin manages products in Settings.
 */
describe('entitlements and products (real Chromium)', () => {
  let server: AppServer;
  let browser: Browser;
  let page: Page;
  let admin: GraphQLTestClient;
  let organization: { id: string; name: string };
  let member: { id: string; displayName: string };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    admin = new GraphQLTestClient(server.baseUrl);
    await admin.signIn('admin@demo.test', DEMO_PASSWORD);
    for (const input of [
      { label: 'Support level', type: 'SELECT', scope: 'ENTITLEMENT', options: ['Basic', 'Premium'] },
      { label: 'Seats', type: 'NUMBER', scope: 'ENTITLEMENT' },
      { label: 'End date', type: 'DATE', scope: 'ENTITLEMENT' },
    ]) {
      await admin.ok(`mutation($input: CreateDetailFieldInput!) { createDetailField(input: $input) { id } }`, { input });
    }
    for (const name of ['Cloud Pro', 'On-prem Suite']) await admin.ok(`mutation($name: String!) { createProduct(name: $name) { id } }`, { name });
    const { organizations } = await admin.ok(`{ organizations(first: 50) { edges { node { id name entitlements { id } customers(first: 1) { edges { node { id displayName } } } } } } }`);
    // One the seed left without entitlements, so the tab starts empty.
    const withMembers = organizations.edges.map((e: any) => e.node).find((o: any) => o.customers.edges.length > 0 && o.entitlements.length === 0);
    organization = { id: withMembers.id, name: withMembers.name };
    member = withMembers.customers.edges[0].node;
    page = await SignInPage.signedInPage(browser, server.baseUrl, 'agent@demo.test', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("grants a product to an organization and sets its details in place, like the Details tab", async () => {
    const tab = new EntitlementsTab(page);
    await tab.open(`${server.baseUrl}/organizations/${organization.id}`);
    await page.getByText('No entitlements yet').waitFor();
    await tab.grant('Cloud Pro');
    await tab.setSelect('Cloud Pro', 'Support level', 'Premium');
    await tab.setText('Cloud Pro', 'Seats', '25');
    await tab.setText('Cloud Pro', 'End date', '2027-03-31', 'Mar 31, 2027');
    // An organization's own entitlement: revocable, no "via".
    expect(await tab.card('Cloud Pro').getByRole('button', { name: 'Revoke Cloud Pro' }).count()).toBe(1);
    expect(await tab.card('Cloud Pro').getByText(/^via /).count()).toBe(0);
    await screenshot(page, 'entitlements-organization');
  });

  it("shows it on a member's profile via the organization, with its values; the member's own can be granted and revoked", async () => {
    const tab = new EntitlementsTab(page);
    const profileUrl = `${server.baseUrl}/customers/${member.id}`;
    await tab.open(profileUrl);
    const inherited = tab.card('Cloud Pro');
    await inherited.waitFor();
    await inherited.getByText(`via ${organization.name}`).waitFor();
    expect(await inherited.getByRole('link', { name: organization.name }).getAttribute('href')).toBe(`/organizations/${organization.id}`);
    await tab.field('Cloud Pro', 'Support level').getByText('Premium', { exact: true }).waitFor();
    await tab.field('Cloud Pro', 'Seats').getByText('25', { exact: true }).waitFor();
    // Inherited: not the member's to revoke, nor to change (it is the organization's, shared by every member).
    expect(await inherited.getByRole('button', { name: /^Revoke/ }).count()).toBe(0);
    expect(await inherited.getByRole('button', { name: /^Edit / }).count()).toBe(0);
    await inherited.getByText('its details are changed there').waitFor();

    await tab.grant('On-prem Suite');
    await tab.setSelect('On-prem Suite', 'Support level', 'Basic');
    await screenshot(page, 'entitlements-customer');
    await tab.revoke('On-prem Suite');
    await inherited.waitFor();
    // The revoked card took its button away: the keyboard focus is on the tab, not lost to the page.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tabpanel');
  });

  it("filters the customers list by product: the organization's members, through their entitlement", async () => {
    const { organization: org } = await admin.ok(`query($id: ID!) { organization(id: $id) { customerCount } }`, { id: organization.id });
    await page.goto(`${server.baseUrl}/customers`);
    const customers = new CustomersPage(page);
    await customers.waitForList();
    await customers.filterByProduct('Cloud Pro');
    await page.getByText(`${org.customerCount} customers`).waitFor();
    await customers.table.getByRole('link', { name: member.displayName }).waitFor();
    await customers.waitForList();

    // A link naming a product that does not exist says so, and offers the way back (it failed as "Something went wrong").
    await page.goto(`${server.baseUrl}/customers?product=junk`);
    await page.getByText('The product in this link does not exist').waitFor();
    await expectAccessible(page, 'a customers link with an unknown product');
    await page.getByRole('button', { name: 'Show all customers' }).click();
    await page.getByText('2,000 customers').waitFor();
  });

  it('shows both tabs in Japanese', async () => {
    const layout = new AppLayout(page);
    await layout.switchLanguage('日本語');
    const tab = new EntitlementsTab(page, ENTITLEMENTS_LABELS.ja);
    await tab.open(`${server.baseUrl}/customers/${member.id}`);
    await tab.card('Cloud Pro').getByText(`${organization.name} 経由`).waitFor();
    await screenshot(page, 'entitlements-customer-ja');
    await tab.open(`${server.baseUrl}/organizations/${organization.id}`);
    await tab.card('Cloud Pro').waitFor();
    await screenshot(page, 'entitlements-organization-ja');
    await layout.switchLanguage('English', '言語');
  });

  it('lets an admin create, rename, archive and restore products in Settings → Products', async () => {
    const adminPage = await SignInPage.signedInPage(browser, server.baseUrl, 'admin@demo.test', DEMO_PASSWORD);
    const products = new ProductsSettingsPage(adminPage);
    await products.open(server.baseUrl);
    await products.name(null, 'Backup Plus');
    await products.row('Backup Plus').waitFor();
    await products.name(null, 'backup plus');
    await adminPage.getByRole('dialog').getByText("Another product is already named 'Backup Plus'").waitFor();
    // The refusal names the input as the form does ("Name"), not by its API name.
    await adminPage.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill('x'.repeat(201));
    await adminPage.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
    await adminPage.getByRole('dialog').getByText('Name must have 1 to 200 characters').waitFor();
    await adminPage.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    const focused = () => adminPage.evaluate(() => document.activeElement?.tagName);
    await products.name('Backup Plus', 'Backup Max');
    await products.row('Backup Max').waitFor();
    // The menu item that opened the dialog is gone: focus returns to the row's actions button, not to the page.
    await adminPage.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Actions for Backup Max');
    await products.action('Backup Max', 'Archive');
    await products.row('Backup Max').waitFor({ state: 'detached' });
    // Archived while archived ones are hidden: the row left, so focus is on the table.
    expect(await focused()).toBe('TABLE');
    await adminPage.getByRole('switch', { name: 'Show archived products' }).check();
    await products.row('Backup Max').getByText('Archived').waitFor();
    await screenshot(adminPage, 'products-settings');
    await products.action('Backup Max', 'Restore');
    await products.row('Backup Max').getByText('Active').waitFor();
    // Agents see no Products section.
    await page.goto(`${server.baseUrl}/settings`);
    await page.getByRole('tab', { name: 'API tokens' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Products' }).count()).toBe(0);
    await adminPage.context().close();
  });
});
