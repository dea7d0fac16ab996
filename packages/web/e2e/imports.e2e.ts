import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, startAppServer, type AppServer } from './support/app-server';
import { launchBrowser, screenshot } from './support/browser';
import { expectAccessible } from './support/accessibility';
import { SignInPage } from './pages/sign-in.page';
import { AppLayout } from './pages/app-layout.page';
import { ImportWizard } from './pages/import.page';

/** A semicolon-separated file in Windows-1252 (Excel's Western "CSV"), with a column that matches nothing. */
const WESTERN = Buffer.from(
  ['Email;Display name;Lieblingsfarbe', 'zoe.import@example.com;Zoë Müller;Grün', 'francois.import@example.com;François Dubois;Bleu', ''].join('\r\n'),
  'latin1',
);

/** A customers file of `count` rows; every row on a line that `isBad` picks has an email that is not one. */
function bulkFile(count: number, isBad: (line: number) => boolean): Buffer {
  const lines = ['Email,Display name,External ID'];
  for (let i = 1; i <= count; i++) lines.push(isBad(lines.length + 1) ? `not-an-email-${i},Broken ${i},BULK-${i}` : `bulk${i}@import.example,Bulk customer ${i},BULK-${i}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

describe('admin: the import wizard previews a file and lets them fix the mapping (real Chromium)', () => {
  let server: AppServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    page = await SignInPage.signedInPage(browser, server.baseUrl, 'admin@demo.test', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens from the customers list, detects a Windows-1252 semicolon file, and takes a column out', async () => {
    await page.getByRole('link', { name: 'Import customers from a CSV file' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import customers' }).waitFor();
    const wizard = new ImportWizard(page);
    await wizard.chooseFile('western.csv', WESTERN, 'import-western');
    expect(await wizard.field('Encoding').inputValue()).toBe('Windows-1252');
    expect(await wizard.field('Delimiter').inputValue()).toBe('Semicolon (;)');
    await page.getByText('western.csv (').first().waitFor();
    await wizard.previewTable.getByRole('cell', { name: 'Zoë Müller' }).waitFor();
    await wizard.previewTable.getByRole('cell', { name: 'François Dubois' }).waitFor();
    expect(await wizard.field('What column Email fills').inputValue()).toBe('Email');
    // The unknown column is explained beside its choice, and blocks the check.
    await page.getByText("Column 'Lieblingsfarbe' matches no attribute or detail field you can see.").waitFor();
    expect(await page.getByRole('button', { name: 'Check file' }).isDisabled()).toBe(true);

    await wizard.mapColumn('Lieblingsfarbe', "Don't import");
    await page.getByText("Column 'Lieblingsfarbe' matches").waitFor({ state: 'detached' });
    expect(await wizard.field('What column Lieblingsfarbe fills').inputValue()).toBe("Don't import");
    expect(await page.getByRole('button', { name: 'Check file' }).isEnabled()).toBe(true);
    await expectAccessible(page, 'the import preview after a column was taken out');
    await screenshot(page, 'import-western-mapped');

    // Reading it as UTF-8 instead is refused, naming the encoding.
    await wizard.field('Encoding').click();
    await page.getByRole('option', { name: 'UTF-8', exact: true }).click();
    await page.getByText('The file is not valid UTF-8 text').waitFor();
    await wizard.field('Encoding').click();
    await page.getByRole('option', { name: 'Windows-1252', exact: true }).click();
    await wizard.previewTable.getByRole('cell', { name: 'Zoë Müller' }).waitFor();
  });

  it('works the same in Japanese, for organizations too', async () => {
    await new AppLayout(page).switchLanguage('日本語');
    await page.goto(`${server.baseUrl}/organizations`);
    await page.getByRole('link', { name: 'CSV ファイルから組織をインポート' }).click();
    await page.getByRole('heading', { level: 1, name: '組織のインポート' }).waitFor();
    const wizard = new ImportWizard(page, 'ja');
    const file = Buffer.from('\uFEFFOrganization Name,External ID,メモ\r\n株式会社インポート,ORG-1,テスト\r\n', 'utf8');
    await wizard.chooseFile('組織.csv', file, 'import-organizations-ja');
    expect(await wizard.field('文字コード').inputValue()).toBe('UTF-8');
    expect(await wizard.field('区切り文字').inputValue()).toBe('カンマ (,)');
    await page.getByText("列 'メモ' は、あなたが見られる項目や詳細フィールドのどれにも当てはまりません。").waitFor();
    await wizard.mapColumn('メモ', '取り込まない');
    expect(await page.getByRole('button', { name: 'ファイルをチェック' }).isEnabled()).toBe(true);
    await expectAccessible(page, 'the organizations import preview in Japanese');
    await screenshot(page, 'import-organizations-ja-mapped');
    await wizard.run('ファイルをチェック', '行のチェック', 'import-organizations-ja-check');
    expect(await wizard.count('作成予定')).toBe('1');
    expect(await wizard.count('失敗する行')).toBe('0');
    await page.getByRole('button', { name: 'インポート', exact: true }).waitFor();
    await new AppLayout(page).switchLanguage('English', '言語');
  });

  it('checks a 5,000-row file (its row errors a page at a time), then imports it, with the progress bar, and shows the customers created', async () => {
    await page.goto(`${server.baseUrl}/customers/import`);
    const wizard = new ImportWizard(page);
    // 60 bad rows, one every 80 lines: more than a page of errors.
    await wizard.chooseFile('bulk.csv', bulkFile(5_000, (line) => line % 80 === 0 && line <= 4_800), 'import-bulk');
    // Stopping at a bad row (the default), the check fails as a whole and offers no Import.
    await wizard.run('Check file', 'Checking rows', 'import-bulk-abort');
    await page.getByRole('alert').filter({ hasText: 'The check found problems' }).waitFor();
    expect(await page.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Back to the columns' }).click();
    await page.getByRole('radio', { name: 'Skip rows with problems' }).check();

    await wizard.run('Check file', 'Checking rows', 'import-bulk-check');
    expect(await wizard.count('Would be created')).toBe('4,940');
    expect(await wizard.count('Would fail')).toBe('60');
    const errors = page.getByRole('table', { name: '60 row problems' });
    const first = errors.getByRole('row').nth(1);
    expect(await first.getByRole('cell').allInnerTexts()).toEqual(['80', 'Email', 'not-an-email-79', "'not-an-email-79' has no @ (an address looks like name@example.com)"]);
    expect(await errors.getByRole('row').count()).toBe(51);
    await page.getByRole('button', { name: 'Load more (50 of 60 shown)' }).click();
    await errors.getByRole('cell', { name: '4800', exact: true }).waitFor();
    expect(await errors.getByRole('row').count()).toBe(61);
    await page.getByRole('link', { name: 'Download errors (CSV)' }).waitFor();

    await wizard.run('Import', 'Writing', 'import-bulk-import');
    expect(await wizard.count('Created')).toBe('4,940');
    expect(await wizard.count('Failed')).toBe('60');
    await page.getByRole('link', { name: 'Show customers' }).click();
    await page.waitForURL((url) => url.pathname === '/customers' && url.searchParams.get('sort') === '-created');
    await page.getByRole('table', { name: 'Customers' }).getByRole('link', { name: /^Bulk customer \d+$/ }).first().waitFor();
  });
});
