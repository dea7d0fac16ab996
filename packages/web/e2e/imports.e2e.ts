import { readFileSync } from 'node:fs';
import type { Browser, Page, Route } from 'playwright-core';
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
    await page.getByText('western.csv (125 bytes)').first().waitFor();
    // The new step's heading takes the focus, not <body>.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Preview and columns');
    // The rows scroll sideways in an area the keyboard reaches.
    expect(await page.getByRole('region', { name: "Preview of the file's first rows" }).getAttribute('tabindex')).toBe('0');
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
    // The rows read the old way are not what would be read now: they go.
    await wizard.previewTable.waitFor({ state: 'detached' });
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
    await page.getByRole('button', { name: '不明な列（1 列）を取り込まない' }).click();
    await wizard.waitForValue('列 メモ の取り込み先', '取り込まない');
    expect(await page.getByRole('button', { name: 'ファイルをチェック' }).isEnabled()).toBe(true);
    await expectAccessible(page, 'the organizations import preview in Japanese');
    await screenshot(page, 'import-organizations-ja-mapped');
    await wizard.run('ファイルをチェック', '行のチェック', 'import-organizations-ja-check');
    expect(await wizard.count('作成予定')).toBe('1');
    expect(await wizard.count('失敗する行')).toBe('0');
    await page.getByRole('button', { name: 'インポート', exact: true }).waitFor();
    // The check's result is step 3 still, Import its next action; its heading has the focus.
    expect(await page.locator('button[data-progress]').innerText()).toContain('チェックとインポート');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('チェック結果');
    // A reload shows the same job (its id is in the address); importing needs the file again.
    expect(new URL(page.url()).searchParams.get('job')).toMatch(/^[0-9a-f-]{36}$/);
    await page.reload();
    expect(await wizard.count('作成予定')).toBe('1');
    await page.getByText('インポートするには、ファイルをもう一度選んでください。').waitFor();
    expect(await page.getByRole('button', { name: 'インポート', exact: true }).count()).toBe(0);
    await expectAccessible(page, 'a check result after a reload, in Japanese');
    await screenshot(page, 'import-organizations-ja-reloaded');
    await page.getByRole('button', { name: '別のファイルをインポート' }).click();
    await page.locator('input[type="file"]').waitFor({ state: 'attached' });
    expect(new URL(page.url()).searchParams.has('job')).toBe(false);
    await new AppLayout(page).switchLanguage('English', '言語');
  });

  it('downloads the row errors as CSV in the language shown, as the screen says them', async () => {
    const layout = new AppLayout(page);
    await layout.switchLanguage('日本語');
    await page.goto(`${server.baseUrl}/customers/import`);
    const wizard = new ImportWizard(page, 'ja');
    await wizard.chooseFile('問題.csv', Buffer.from('Email,Display name\r\nnot-an-email,Ann\r\n', 'utf8'), 'import-errors-ja');
    await page.getByRole('radio', { name: '問題のある行を飛ばす' }).check();
    await wizard.run('ファイルをチェック', '行のチェック', 'import-errors-ja-check');
    const message = "'not-an-email': @ がありません（name@example.com のような形式です）";
    await page.getByRole('cell', { name: message }).waitFor();
    const download = async (name: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
      return readFileSync(await file.path()).toString('utf8').replace(/^\uFEFF/, '').split('\r\n').slice(0, 2);
    };
    // The file says what the table says (it was English only).
    expect(await download('エラーをダウンロード（CSV）')).toEqual(['行,列,値,問題,理由コード', `2,Email,not-an-email,${message},INVALID_IDENTIFIER`]);
    await layout.switchLanguage('English', '言語');
    expect(await download('Download errors (CSV)')).toEqual([
      'Line,Column,Value,Problem,Reason',
      "2,Email,not-an-email,'not-an-email' has no @ (an address looks like name@example.com),INVALID_IDENTIFIER",
    ]);
  });

  it('reports a quote the file never closes before any run, and shows cells as the import reads them', async () => {
    await page.goto(`${server.baseUrl}/customers/import`);
    const wizard = new ImportWizard(page);
    const file = Buffer.from("Email,Display name,Shoe size\r\nann@import.example,Ann,'+1 (845) 555-0100\r\nbob@import.example,\"Bob\r\n", 'utf8');
    await wizard.chooseFile('broken.csv', file, 'import-broken');
    await page.getByRole('alert').filter({ hasText: 'The file cannot be imported as it is' }).filter({ hasText: 'Line 3: a quoted cell starts here and is never closed' }).waitFor();
    expect(await page.getByRole('button', { name: 'Check file' }).isDisabled()).toBe(true);
    // One click leaves out every column that matches nothing (Shoe size).
    await page.getByRole('button', { name: "Don't import the unknown column" }).click();
    await wizard.waitForValue('What column Shoe size fills', "Don't import");
    await wizard.settled();
    expect(await page.getByRole('button', { name: 'Check file' }).isDisabled()).toBe(true);

    // The export's guard against formulas is not part of the value.
    await page.getByRole('button', { name: 'Choose another file' }).click();
    // Thirteen columns: wider than the page, they scroll sideways.
    const extra = Array.from({ length: 11 }, (_, i) => `Extra ${i + 1}`);
    const wide = `Email,Display name,${extra.join(',')}\r\nann@import.example,'+1 (845) 555-0100,${extra.map((e) => `${e} value`).join(',')}\r\n`;
    await wizard.chooseFile('guarded.csv', Buffer.from(wide, 'utf8'), 'import-guarded');
    await wizard.previewTable.getByRole('cell', { name: '+1 (845) 555-0100', exact: true }).waitFor();
    const scroller = page.getByRole('region', { name: "Preview of the file's first rows" });
    expect(await scroller.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
  });

  it('explains a job link that is not the viewer\'s, and starts over', async () => {
    await page.goto(`${server.baseUrl}/customers/import?job=00000000-0000-4000-8000-000000000000`);
    await page.getByRole('alert').filter({ hasText: 'This import cannot be shown' }).waitFor();
    await expectAccessible(page, 'an import job link that shows nothing');
    await page.getByRole('button', { name: 'Start a new import' }).click();
    await page.locator('input[type="file"]').waitFor({ state: 'attached' });
  });

  it('shows the check\'s one pass over every row as such: a moving bar with the row count, no share and no speed (a 1M-row check takes minutes)', async () => {
    await page.goto(`${server.baseUrl}/customers/import`);
    const wizard = new ImportWizard(page);
    await wizard.chooseFile('three.csv', bulkFile(3, () => false), 'import-checking');
    // The API answers CHECKING for as long as its one statement runs; hold the job there (as at 1M) until the bar has been looked at.
    const holdInChecking = async (route: Route) => {
      if (route.request().postDataJSON()?.operationName !== 'ImportJob') return route.fallback();
      const response = await route.fetch();
      const body = await response.json();
      const job = body.data?.importJob;
      if (job) Object.assign(job, { status: 'RUNNING', phase: 'CHECKING', totalRows: 1_000_000, processedRows: 0, created: 0, updated: 0, unchanged: 0, failed: 0, finishedAt: null });
      await route.fulfill({ response, json: body });
    };
    await page.route('**/graphql', holdInChecking);
    try {
      await page.getByRole('button', { name: 'Check file' }).click();
      const bar = page.getByRole('progressbar', { name: 'Checking rows' });
      await page.getByText('1,000,000 rows, checked in one pass').waitFor();
      expect(await bar.getAttribute('aria-valuenow')).toBeNull();
      expect(await bar.getAttribute('aria-valuetext')).toBe('1,000,000 rows, checked in one pass');
      expect(await page.getByRole('progressbar', { name: 'Reading file' }).getAttribute('aria-valuetext')).toBe('Done');
      // No "0 of 1,000,000 rows" and no speed being measured that never comes.
      expect(await page.getByText('0 of 1,000,000 rows').count()).toBe(0);
      expect(await page.getByText('Measuring speed…').count()).toBe(0);
      await expectAccessible(page, 'the import progress while checking', undefined, { whileInProgress: true });
      await screenshot(page, 'import-checking-progress');
    } finally {
      // Lets a poll in flight finish its answer (a plain unroute would continue it underneath the handler).
      await page.unrouteAll({ behavior: 'wait' });
    }
    await page.getByRole('button', { name: 'Back to the columns' }).waitFor({ timeout: 60_000 });
    expect(await wizard.count('Would be created')).toBe('3');
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

    // A reload while the import runs goes on following it.
    const checkUrl = page.url();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL((url) => url.href !== checkUrl && url.searchParams.has('job'));
    await page.reload();
    await screenshot(page, 'import-bulk-import-reloaded');
    await page.getByRole('button', { name: 'Import another file' }).waitFor({ timeout: 60_000 });
    await expectAccessible(page, 'the import result after a reload');
    await screenshot(page, 'import-bulk-import-result');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Import result');
    expect(await wizard.count('Created')).toBe('4,940');
    expect(await wizard.count('Failed')).toBe('60');
    await page.getByRole('link', { name: 'Show customers' }).click();
    await page.waitForURL((url) => url.pathname === '/customers' && url.searchParams.get('sort') === '-created');
    await page.getByRole('table', { name: 'Customers' }).getByRole('link', { name: /^Bulk customer \d+$/ }).first().waitFor();
  });
});
