import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { GraphQLTestClient } from '../../api/test/support/graphql-client';
import { DEMO_PASSWORD, startAppServer, type AppServer } from './support/app-server';
import { launchBrowser } from './support/browser';
import { SignInPage } from './pages/sign-in.page';

const operation = (request: Request): string | undefined => (request.url().endsWith('/graphql') ? request.postDataJSON()?.operationName : undefined);

/**
 * Holds back every request of `page` that `held` picks until one that
 * `awaited` picks has been sent (at most 5 s), then lets it through.
 * Resolves, once a held request went on, with whether the awaited one had
 * been sent by then: true when the two travel side by side, false when one
 * waits for the other's answer (a waterfall).
 */
async function sentWhileHeld(page: Page, held: (r: Request) => boolean, awaited: (r: Request) => boolean): Promise<() => Promise<boolean>> {
  let seen!: () => void;
  const sent = new Promise<true>((resolve) => (seen = () => resolve(true)));
  page.on('request', (request) => awaited(request) && seen());
  let outcome!: (value: boolean) => void;
  const result = new Promise<boolean>((resolve) => (outcome = resolve));
  await page.route('**/*', async (route) => {
    if (held(route.request())) outcome(await Promise.race([sent, new Promise<false>((resolve) => setTimeout(() => resolve(false), 5000))]));
    await route.continue();
  });
  return () => result;
}

/**
 * What a first screen waits for starts at once, not one thing after another
 * (bench:web-profile measures the profile page's time to usable).
 */
describe('the first load asks for what it needs side by side (real Chromium)', () => {
  let server: AppServer;
  let browser: Browser;
  let signedIn: Page;
  let customer: { id: string; displayName: string };
  const contexts: BrowserContext[] = [];

  /** A new context (empty cache) with the signed-in agent's session. */
  async function freshPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, storageState: await signedIn.context().storageState() });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    const agent = new GraphQLTestClient(server.baseUrl);
    await agent.signIn('agent@demo.test', DEMO_PASSWORD);
    customer = (await agent.ok('{ customers(first: 1) { edges { node { id displayName } } } }')).customers.edges[0].node;
    signedIn = await SignInPage.signedInPage(browser, server.baseUrl, 'agent@demo.test', DEMO_PASSWORD);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it("the profile's Details tab asks for its fields and values before the header's answer has come", async () => {
    const page = await freshPage();
    const together = await sentWhileHeld(page, (r) => operation(r) === 'CustomerProfile', (r) => operation(r) === 'DetailsPanel');
    await page.goto(`${server.baseUrl}/customers/${customer.id}`);
    await page.getByRole('heading', { level: 1, name: customer.displayName }).waitFor();
    await page.getByRole('tabpanel').getByRole('group').first().waitFor();
    expect(await together()).toBe(true);
  });

  it("the profile's header and Details queries leave before the page's code has arrived, each once", async () => {
    const page = await freshPage();
    const sent: string[] = [];
    page.on('request', (request) => {
      const name = operation(request);
      if (name) sent.push(name);
    });
    const header = await sentWhileHeld(page, (r) => /\/assets\/CustomerProfilePage-[\w-]+\.js$/.test(r.url()), (r) => operation(r) === 'CustomerProfile');
    await page.goto(`${server.baseUrl}/customers/${customer.id}`);
    await page.getByRole('heading', { level: 1, name: customer.displayName }).waitFor();
    await page.getByRole('tabpanel').getByRole('group').first().waitFor();
    expect(await header()).toBe(true);
    expect(sent.filter((name) => name === 'CustomerProfile' || name === 'DetailsPanel').sort()).toEqual(['CustomerProfile', 'DetailsPanel']);
    // The locale (nothing renders without it) leaves before the page's dozens of chunks take the connections.
    const assets = (await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name))).map((url) => new URL(url).pathname);
    const locale = assets.findIndex((path) => /^\/assets\/en-[\w-]+\.js$/.test(path));
    expect(locale).toBeGreaterThan(-1);
    expect(locale).toBeLessThan(assets.findIndex((path) => path.startsWith('/assets/CustomerProfilePage-')));
    // Another tab in the address: its own query, and no Details query.
    const notes = await freshPage();
    const asked: string[] = [];
    notes.on('request', (request) => {
      const name = operation(request);
      if (name) asked.push(name);
    });
    await notes.goto(`${server.baseUrl}/customers/${customer.id}?tab=notes`);
    await notes.getByRole('heading', { level: 1, name: customer.displayName }).waitFor();
    await notes.getByRole('tab', { name: 'Notes', selected: true }).waitFor();
    await notes.waitForLoadState('networkidle');
    expect(asked).not.toContain('DetailsPanel');
  });

  it('the session is checked before the locale has arrived (the first render waits for it)', async () => {
    const page = await freshPage();
    const together = await sentWhileHeld(page, (r) => /\/assets\/en-[\w-]+\.js$/.test(r.url()), (r) => operation(r) === 'Viewer');
    await page.goto(`${server.baseUrl}/customers/${customer.id}`);
    await page.getByRole('heading', { level: 1, name: customer.displayName }).waitFor();
    expect(await together()).toBe(true);
  });
});
