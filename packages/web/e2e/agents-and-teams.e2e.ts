import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, startAppServer, type AppServer } from './support/app-server';
import { launchBrowser, screenshot } from './support/browser';
import { SignInPage } from './pages/sign-in.page';
import { AppLayout } from './pages/app-layout.page';
import { AgentsAndTeamsPage } from './pages/agents-and-teams.page';

describe('admin: sign in, manage agents and teams, sign out (real Chromium)', () => {
  let server: AppServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    // A page of its own context: axe opens a helper page beside it.
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    // Fail in seconds, not Jest's minute, when the UI does not show what we wait for.
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('refuses a wrong password, then signs in and lands on the customers page', async () => {
    const signIn = new SignInPage(page);
    await signIn.open(server.baseUrl);
    await signIn.signIn('admin@demo.test', 'wrong password');
    await signIn.alert.filter({ hasText: 'Wrong email or password' }).waitFor();
    await signIn.signIn('admin@demo.test', DEMO_PASSWORD);
    await page.waitForURL(/\/customers/);
    await new AppLayout(page).nav.waitFor();
    await screenshot(page, 'layout-customers');
  });

  it('creates a team and an agent in it', async () => {
    await new AppLayout(page).goTo('Settings');
    await page.waitForURL(/\/settings\/agents/);
    const settings = new AgentsAndTeamsPage(page);
    await settings.createTeam('Escalations');
    await settings.teamRow('Escalations').waitFor();
    await settings.addAgent({ email: 'new.agent@demo.test', displayName: 'Nia New', password: 'a long enough password', team: 'Escalations' });
    const row = settings.agentRow('new.agent@demo.test');
    await row.getByText('Nia New').waitFor();
    await row.getByText('Escalations').waitFor();
    // Repeated buttons name whom they act on.
    await row.getByRole('button', { name: 'Edit Nia New', exact: true }).waitFor();
    await row.getByRole('button', { name: 'Deactivate Nia New', exact: true }).waitFor();
    await settings.teamRow('Escalations').getByRole('button', { name: 'Edit team Escalations', exact: true }).waitFor();
    await screenshot(page, 'settings-agents-and-teams');
  });

  it('shows the same screen in Japanese', async () => {
    const layout = new AppLayout(page);
    await layout.switchLanguage('日本語');
    await page.getByRole('radiogroup', { name: '言語' }).waitFor();
    const settings = new AgentsAndTeamsPage(page, { agents: 'エージェント', teams: 'チーム' });
    await settings.agentRow('new.agent@demo.test').getByRole('button', { name: 'Nia New を編集', exact: true }).waitFor();
    await settings.teamRow('Escalations').getByRole('button', { name: 'チーム Escalations を編集', exact: true }).waitFor();
    await screenshot(page, 'settings-agents-and-teams-ja');
    await layout.switchLanguage('English', '言語');
    await layout.signOut.waitFor();
  });

  it('signs out, and the app then asks to sign in again', async () => {
    await new AppLayout(page).signOut.click();
    await page.waitForURL(/\/sign-in/);
    await page.goto(`${server.baseUrl}/settings/agents`);
    await page.waitForURL(/\/sign-in/);
    await new SignInPage(page).submit.waitFor();
  });

  it('the new agent can sign in and sees no admin settings', async () => {
    const signIn = new SignInPage(page);
    await signIn.signIn('new.agent@demo.test', 'a long enough password');
    await page.waitForURL(/\/settings\/agents|\/customers/);
    await new AppLayout(page).goTo('Settings');
    await page.getByRole('tab', { name: 'API tokens' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Agents & teams' }).count()).toBe(0);
  });
});
