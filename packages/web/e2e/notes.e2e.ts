import type { Browser, Page } from 'playwright-core';
import { GraphQLTestClient } from '../../api/test/support/graphql-client';
import { DEMO_PASSWORD, startAppServer, type AppServer } from './support/app-server';
import { launchBrowser, screenshot } from './support/browser';
import { expectAccessible } from './support/accessibility';
import { AppLayout } from './pages/app-layout.page';
import { NOTES_LABELS, NotesTab } from './pages/notes.page';
import { SignInPage } from './pages/sign-in.page';

const UNSAFE = 'Call back Monday.\nDocs: https://example.com/docs?a=1&b=2\n<b>bold</b> <script>alert(1)</script> "><img src=x onerror=alert(1)> javascript:alert(1)';

/** An agent writes, edits and deletes notes on a seeded profile and organization, in English and Japanese. */
describe('notes (real Chromium)', () => {
  let server: AppServer;
  let browser: Browser;
  let page: Page;
  let admin: GraphQLTestClient;
  let profileUrl: string;
  let customerId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    admin = new GraphQLTestClient(server.baseUrl);
    await admin.signIn('admin@demo.test', DEMO_PASSWORD);
    // A customer the seed left without notes, so what this test writes is all there is.
    const { customers } = await admin.ok(`{ customers(first: 50) { edges { node { id notes(first: 1) { totalCount } } } } }`);
    customerId = customers.edges.find((e: { node: { notes: { totalCount: number } } }) => e.node.notes.totalCount === 0).node.id;
    await admin.ok(`mutation($id: ID!) { addNote(input: { customerId: $id, body: "Admin's note: VIP since 2019." }) { id } }`, { id: customerId });
    profileUrl = `${server.baseUrl}/customers/${customerId}`;
    page = await SignInPage.signedInPage(browser, server.baseUrl, 'agent@demo.test', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('adds a note with Ctrl+Enter: newest first, line breaks kept, the link clickable, markup shown as text', async () => {
    const notes = new NotesTab(page);
    await notes.open(profileUrl);
    await notes.add('   ');
    await page.getByText('The note must not be empty').waitFor();

    await notes.add(UNSAFE);
    const note = notes.note('Call back Monday.');
    await note.waitFor();
    expect(await notes.newNote.inputValue()).toBe('');
    expect(await page.getByRole('article').first().textContent()).toContain('Call back Monday.');
    await page.getByText('2 notes').waitFor();

    const links = note.getByRole('link');
    expect(await links.count()).toBe(1);
    expect(await links.first().textContent()).toBe('https://example.com/docs?a=1&b=2');
    expect(await links.first().getAttribute('href')).toBe('https://example.com/docs?a=1&b=2');
    expect(await links.first().getAttribute('target')).toBe('_blank');
    expect(await links.first().getAttribute('rel')).toBe('noopener noreferrer nofollow');
    // Markup arrived as text: shown literally, no element made from it.
    const body = note.getByText('<b>bold</b>', { exact: false });
    expect(await body.innerText()).toBe('Call back Monday.\nDocs: https://example.com/docs?a=1&b=2\n<b>bold</b> <script>alert(1)</script> "><img src=x onerror=alert(1)> javascript:alert(1)');
    expect(await note.locator('b, script, img').count()).toBe(0);

    // The admin's note has no Edit or Delete for this agent.
    expect(await notes.note("Admin's note").getByRole('button').count()).toBe(0);
    await expectAccessible(page, 'the Notes tab with notes');
    await screenshot(page, 'notes-profile-en');
  });

  it('edits in place; a conflicting edit keeps the draft, shows the saved text, and saves after Reload', async () => {
    const notes = new NotesTab(page);
    const box = await notes.startEditing(notes.note('Call back Monday.'));
    // Typing at once goes on from the end of the note.
    const before = await box.inputValue();
    await page.keyboard.type(' Or');
    expect(await box.inputValue()).toBe(`${before} Or`);
    await box.fill('Call back Tuesday.');
    await box.press('Control+Enter');
    await notes.note('Call back Tuesday.').getByText(/edited/).waitFor();
    // Saved: the keyboard focus is back on the note's Edit button, not lost to the page.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Edit Note by /);

    // Someone else changes it while this agent edits.
    const { customer } = await admin.ok(`query($id: ID!) { customer(id: $id) { notes(first: 1) { edges { node { id version } } } } }`, { id: customerId });
    const { id, version } = customer.notes.edges[0].node;
    const editor = await notes.startEditing(notes.note('Call back Tuesday.'));
    await admin.ok(`mutation($id: ID!, $v: Int!) { updateNote(id: $id, body: "Call back Wednesday (admin).", expectedVersion: $v) { id } }`, { id, v: version });
    await editor.fill('Call back Thursday.');
    await page.getByRole('button', { name: 'Save' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Someone else changed this note' });
    await alert.waitFor();
    await alert.getByRole('button', { name: 'Reload' }).click();
    await page.getByText('Saved value: Call back Wednesday (admin).', { exact: false }).waitFor();
    expect(await editor.inputValue()).toBe('Call back Thursday.');
    await expectAccessible(page, 'a note edit after a conflict');
    await screenshot(page, 'notes-conflict-en');
    await page.getByRole('button', { name: 'Save' }).click();
    await notes.note('Call back Thursday.').getByText(/edited/).waitFor();
  });

  it('deletes a note after confirming; cancelling returns to its button, deleting to the tab', async () => {
    const notes = new NotesTab(page);
    const note = notes.note('Call back Thursday.');
    await note.getByRole('button', { name: /^Delete/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Delete Note by /);
    await notes.delete(note);
    await page.getByText('1 note', { exact: true }).waitFor();
    expect(await notes.note('Call back Thursday.').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tabpanel');
  });

  it('does the same in Japanese', async () => {
    const layout = new AppLayout(page);
    await layout.switchLanguage('日本語');
    const notes = new NotesTab(page, NOTES_LABELS.ja);
    await notes.add('折り返し電話済み。\n詳細: www.example.com/faq', 'button');
    const note = notes.note('折り返し電話済み。');
    await note.waitFor();
    expect(await note.getByRole('link', { name: 'www.example.com/faq' }).getAttribute('href')).toBe('http://www.example.com/faq');
    await page.getByText('メモ 2 件').waitFor();
    const box = await notes.startEditing(note);
    await box.fill('x'.repeat(10_001));
    await page.getByText('メモ: 10,000 文字以内にしてください').waitFor();
    await page.getByText('10,001 / 10,000 文字', { exact: false }).waitFor();
    await expectAccessible(page, 'the Notes tab in Japanese');
    await screenshot(page, 'notes-profile-ja');
    await page.getByRole('button', { name: 'キャンセル' }).click();
    await notes.delete(note);
    await page.getByText('メモ 1 件').waitFor();
    await layout.switchLanguage('English', '言語');
  });

  it('keeps notes on an organization page too', async () => {
    const { organizations } = await admin.ok(`{ organizations(first: 2) { edges { node { id } } } }`);
    const notes = new NotesTab(page);
    await notes.open(`${server.baseUrl}/organizations/${organizations.edges[1].node.id}`);
    await notes.add('Renewal talks in March.\nContract: https://contracts.example.com/42', 'button');
    await notes.note('Renewal talks in March.').getByRole('link', { name: 'https://contracts.example.com/42' }).waitFor();
    await screenshot(page, 'notes-organization-en');
  });

  it('shows older notes page by page, past 200, focus on the first note each press added', async () => {
    const { customers } = await admin.ok(`{ customers(first: 80) { edges { node { id notes(first: 1) { totalCount } } } } }`);
    const id = customers.edges.map((e: { node: { id: string } }) => e.node.id).find((other: string) => other !== customerId);
    const before = customers.edges.find((e: { node: { id: string } }) => e.node.id === id).node.notes.totalCount;
    for (let n = 1; n <= 210; n += 1) {
      await admin.ok(`mutation($id: ID!, $b: String!) { addNote(input: { customerId: $id, body: $b }) { id } }`, { id, b: `Paged note ${n}` });
    }
    const notes = new NotesTab(page);
    await notes.open(`${server.baseUrl}/customers/${id}`);
    const articles = page.getByRole('region', { name: 'Notes, newest first' }).getByRole('article');
    await page.getByText(`${(before + 210).toLocaleString('en-US')} notes`).waitFor();
    expect(await articles.count()).toBe(20);
    while ((await articles.count()) < before + 210) {
      const shown = await articles.count();
      await page.getByRole('button', { name: 'Show older notes' }).click();
      await page.waitForFunction((count) => document.querySelectorAll('section[aria-label="Notes, newest first"] article').length > count, shown);
      expect(await page.evaluate((index) => document.activeElement === document.querySelectorAll('section[aria-label="Notes, newest first"] article')[index], shown)).toBe(true);
    }
    const bodies = (await articles.allInnerTexts()).flatMap((text) => /Paged note (\d+)/.exec(text)?.[1] ?? []);
    expect(bodies).toEqual(Array.from({ length: 210 }, (_, i) => String(210 - i)));
    expect(await page.getByRole('button', { name: 'Show older notes' }).count()).toBe(0);
  });
});
