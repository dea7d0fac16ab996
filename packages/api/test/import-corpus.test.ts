import iconv from 'iconv-lite';
import { Role } from '../src/graphql/enums';
import { MAX_RECORD_CHARS } from '../src/modules/imports/import-reader';
import { startTestApp, type TestApp } from './support/test-app';
import type { GraphQLTestClient } from './support/graphql-client';
import { importErrorsOf, runImport } from './support/import-client';

/**
 * The contract's corpus of bad and awkward files ("Tests that must exist" of
 * the import issue): each gives its error where it is (file-level failure
 * with its line, or row errors with line, column and reason), and with
 * onError=abort writes nothing at all.
 */
describe('import corpus', () => {
  let app: TestApp;
  let agent: GraphQLTestClient;
  const run = (body: string | Buffer, params: Record<string, string> = {}, seconds?: number) => runImport(app.baseUrl, agent, body, params, seconds);

  /** Everything an import may write, counted: customers, organizations, memberships, history. */
  const footprint = async () =>
    (
      await app.sql<{ n: string }>(
        `SELECT (SELECT count(*) FROM customers) || '/' || (SELECT count(*) FROM organizations) || '/' || (SELECT count(*) FROM customer_organizations) || '/' || (SELECT count(*) FROM changes) AS n`,
      )
    )[0].n;

  /** Runs the import with onError=abort and expects it to fail having written nothing; the job. */
  async function refused(body: string | Buffer, params: Record<string, string> = {}, seconds?: number): Promise<any> {
    const before = await footprint();
    const job = await run(body, { onError: 'abort', ...params }, seconds);
    expect(job).toMatchObject({ status: 'FAILED', phase: 'DONE' });
    expect(await footprint()).toBe(before);
    return job;
  }

  const details = async (email: string) => (await app.sql<any>(`SELECT display_name, details FROM customers WHERE email = $1`, [email]))[0];

  beforeAll(async () => {
    app = await startTestApp();
    const admin = await app.signedIn(Role.ADMIN);
    agent = await app.signedIn(Role.AGENT);
    const create = (input: Record<string, unknown>) => admin.ok(`mutation($i: CreateDetailFieldInput!) { createDetailField(input: $i) { id } }`, { i: { scope: 'CUSTOMER', ...input } });
    await create({ label: 'Plan', type: 'SELECT', options: ['Gold', 'Silver', 'ゴールド'] });
    await create({ label: 'Since', type: 'DATE' });
    await create({ label: 'Phone', type: 'PHONE' });
    await create({ label: 'Code', type: 'TEXT' });
  });
  afterAll(() => app.close());

  describe('encodings', () => {
    it('refuses EUC-JP and KOI8-R text as a foreign encoding, at file level', async () => {
      const names = ['山田 太郎', '鈴木 花子', '佐藤 次郎', '高橋 美咲', '田中 一郎'];
      const eucJp = iconv.encode('Email,Display name,Organization\n' + names.map((n, i) => `e${i}@example.jp,${n},株式会社テスト東京支店\n`).join(''), 'euc-jp');
      const job = await refused(eucJp);
      expect(job.failure).toMatchObject({ line: null, problem: { reason: 'IMPORT_ENCODING_FOREIGN', params: { encoding: 'EUC-JP' } } });
      expect(job.failure.message).toContain('EUC-JP');
      const koi8 = iconv.encode('Email,Display name\nivan@example.ru,Иван Петров\nolga@example.ru,Ольга Смирнова\n', 'koi8-r');
      expect((await refused(koi8)).failure.problem).toMatchObject({ reason: 'IMPORT_ENCODING_FOREIGN', params: { encoding: expect.stringMatching(/^koi8/i) } });
    });

    it('refuses a file that is in none of the encodings imports read', async () => {
      // 0x81 is unmapped in Windows-1252, and a Shift_JIS lead byte that a space cannot follow.
      const job = await refused(Buffer.from('Email,Display name\nx@example.com,\x81 \x81\n', 'latin1'));
      expect(job.failure.problem.reason).toBe('IMPORT_ENCODING_UNREADABLE');
    });

    it('imports Shift_JIS (with an option label in Japanese) and UTF-16 files correctly', async () => {
      const text = 'Email,Display name,Organization,Plan\r\nsj1@example.jp,山田 太郎,株式会社テスト,ゴールド\r\nsj2@example.jp,鈴木 花子,株式会社テスト,Gold\r\n';
      expect(await run(iconv.encode(text, 'cp932'))).toMatchObject({ status: 'SUCCEEDED', created: 2, failed: 0, encoding: 'Shift_JIS', delimiter: 'comma' });
      expect(await details('sj1@example.jp')).toEqual({ display_name: '山田 太郎', details: { plan: 'ゴールド' } });
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text.replaceAll(',', '\t').replaceAll('sj', 'u16-'), 'utf16le')]);
      expect(await run(utf16)).toMatchObject({ status: 'SUCCEEDED', created: 2, encoding: 'UTF-16LE', delimiter: 'tab' });
      expect(await details('u16-1@example.jp')).toEqual({ display_name: '山田 太郎', details: { plan: 'ゴールド' } });
      const utf16be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('Email;Display name\r\nbe@example.jp;佐藤\r\n', 'utf16be')]);
      expect(await run(utf16be)).toMatchObject({ status: 'SUCCEEDED', created: 1, encoding: 'UTF-16BE', delimiter: 'semicolon' });
      const orgs = await app.sql<any>(`SELECT o.name::text AS name, count(*)::int AS n FROM organizations o JOIN customer_organizations co ON co.organization_id = o.id GROUP BY 1`);
      expect(orgs).toEqual([{ name: '株式会社テスト', n: 4 }]);
    });
  });

  describe('header problems, before any row is read', () => {
    it('a semicolon file is read with its delimiter', async () => {
      expect(await run('Email;Plan;Code\nsemi@example.com;Gold;a,b\n')).toMatchObject({ status: 'SUCCEEDED', created: 1, delimiter: 'semicolon' });
      expect((await details('semi@example.com')).details).toEqual({ plan: 'Gold', code: 'a,b' });
    });

    it('no key column', async () => {
      const job = await refused('Display name,Plan\nAnn,Gold\n');
      expect(job.failure.problem.reason).toBe('IMPORT_HEADER_REFUSED');
      expect(importErrorsOf(job)).toEqual([[1, null, 'IMPORT_MISSING_KEY_COLUMN', expect.stringContaining('Email')]]);
    });

    it('a duplicate column, in another case', async () => {
      const job = await refused('Email,Plan,PLAN\nann@example.com,Gold,Silver\n');
      expect(importErrorsOf(job)).toEqual([[1, 'PLAN', 'IMPORT_DUPLICATE_COLUMN', "Columns 'Plan' and 'PLAN' both fill Plan."]]);
    });
  });

  describe('row problems: line, column and reason', () => {
    it('ragged rows, with more and with fewer cells than the header', async () => {
      const job = await refused('Email,Plan,Code\nr1@example.com,Gold,x\nr2@example.com,Gold,x,extra\nr3@example.com,Gold\n');
      expect(job).toMatchObject({ failed: 2, failure: { problem: { reason: 'IMPORT_ROWS_FAILED', params: { count: 2 } } } });
      expect(importErrorsOf(job)).toEqual([
        [3, null, 'IMPORT_ROW_CELL_COUNT', 'The row has 4 cells where the header has 3.'],
        [4, null, 'IMPORT_ROW_CELL_COUNT', 'The row has 2 cells where the header has 3.'],
      ]);
    });

    it('an unterminated quote fails the file at its line', async () => {
      const job = await refused('Email,Code\nu1@example.com,"fine, quoted"\nu2@example.com,x\nu3@example.com,"open\nu4@example.com,y\n');
      expect(job.failure).toMatchObject({ line: 4, problem: { reason: 'IMPORT_UNTERMINATED_QUOTE' } });
    });

    it('an invalid email, an unknown option (listing the options), a bad date and 29 February 2026', async () => {
      const job = await refused('Email,Plan,Since\nnot-an-email,Gold,\nb1@example.com,Platinum,\nb2@example.com,,2024-13-01\nb3@example.com,,29.02.2026\n', { dateFormat: 'DD.MM.YYYY' });
      expect(job.failed).toBe(4);
      const errors = importErrorsOf(job);
      expect(errors.map((e) => e.slice(0, 3))).toEqual([
        [2, 'Email', 'INVALID_IDENTIFIER'],
        [3, 'Plan', 'INVALID_DETAIL_VALUE'],
        [4, 'Since', 'INVALID_DETAIL_VALUE'],
        [5, 'Since', 'INVALID_DETAIL_VALUE'],
      ]);
      expect(errors[0][3]).toContain("'not-an-email'");
      expect(errors[1][3]).toMatch(/Platinum.*Gold.*Silver.*ゴールド/);
      expect(errors[3][3]).toContain('29.02.2026');
      // It names the format the file was read in, not the ISO form the value was rewritten to (fresh-eyes QA).
      expect(errors[3][3]).toContain('has 28 days (DD.MM.YYYY)');
      // Skipping the bad rows: 29.02.2026 never rolled over into March.
      const skipped = await run('Email,Since\nfeb@example.com,29.02.2026\nfeb2@example.com,28.02.2026\n', { dateFormat: 'DD.MM.YYYY', onError: 'skip' });
      expect(skipped).toMatchObject({ created: 1, failed: 1 });
      expect(await app.sql(`SELECT 1 FROM customers WHERE email = 'feb@example.com'`)).toEqual([]);
      expect((await details('feb2@example.com')).details).toEqual({ since: '2026-02-28' });
    });

    it('a 10 MB cell fails the file at its line, never read whole', async () => {
      const big = 'Email,Code\nsmall@example.com,x\nbig@example.com,' + 'y'.repeat(10 * 1024 * 1024) + '\nafter@example.com,z\n';
      const job = await refused(big);
      expect(job.failure).toMatchObject({ line: 3, problem: { reason: 'IMPORT_RECORD_TOO_LARGE', params: { line: 3, max: MAX_RECORD_CHARS } } });
    });

    it('the same email twice in another case: the later line fails', async () => {
      const job = await refused('Email,Code\ntwice@example.com,1\nTWICE@Example.com,2\n');
      expect(importErrorsOf(job)).toEqual([[3, 'Email', 'IMPORT_REPEATED_ROW', "Email 'TWICE@Example.com' is also on line 2: each record may appear only once in a file."]]);
    });
  });

  describe('awkward cells that import as written', () => {
    it('formula cells are stored as text exactly; the guard quote our export adds is removed once', async () => {
      const job = await run(`Email,Code\nf1@example.com,=1+1\nf2@example.com,'=x\nf3@example.com,''=y\nf4@example.com,+1\nf5@example.com,"=HYPERLINK(""http://x.example"",""y"")"\n`);
      expect(job).toMatchObject({ status: 'SUCCEEDED', created: 5, failed: 0 });
      const codes = await app.sql<any>(`SELECT email::text, details->>'code' AS code FROM customers WHERE email LIKE 'f_@example.com' ORDER BY 1`);
      expect(codes.map((r) => r.code)).toEqual(['=1+1', '=x', "'=y", '+1', '=HYPERLINK("http://x.example","y")']);
    });

    it('leading zeros in phone and text values survive', async () => {
      expect(await run('Email,Phone,Code\nzero@example.com,0012 3456,007\n')).toMatchObject({ created: 1 });
      expect((await details('zero@example.com')).details).toEqual({ phone: '0012 3456', code: '007' });
    });

    it('quoted delimiters, quotes and line breaks, CRLF, a trailing empty line and trailing empty rows; lines counted across quoted breaks', async () => {
      const file =
        'Email,Display name,Code\r\n' +
        'q1@example.com,"Dubois, Pierre","He said ""hi"", then\r\nleft"\r\n' +
        'q2@example.com,"Two\nlines","a;b\tc"\r\n' +
        'bad email,x,y\r\n' +
        ',,\r\n,,\r\n\r\n';
      const job = await run(file, { onError: 'skip' });
      expect(job).toMatchObject({ status: 'SUCCEEDED', created: 2, failed: 1, totalRows: 3 });
      // The bad row is on line 6: the quoted cells above span two lines each.
      expect(importErrorsOf(job).map((e) => e.slice(0, 3))).toEqual([[6, 'Email', 'INVALID_IDENTIFIER']]);
      expect(await details('q1@example.com')).toEqual({ display_name: 'Dubois, Pierre', details: { code: 'He said "hi", then\nleft' } });
      expect((await details('q2@example.com')).details).toEqual({ code: 'a;b\tc' });
    });
  });

  describe('100,000 rows with one bad row at the end', () => {
    const rows = 100_000;
    const file = () => {
      const lines = ['Email,Code'];
      for (let i = 1; i < rows; i++) lines.push(`big${i}@bulk.test,${i}`);
      lines.push('not an email,last');
      return lines.join('\n') + '\n';
    };

    it('abort: nothing written, and the error names the last line; skip: the 99,999 good rows written', async () => {
      const body = file();
      const aborted = await refused(body, {}, 120);
      expect(aborted).toMatchObject({ totalRows: rows, failed: 1, created: rows - 1 });
      expect(importErrorsOf(aborted).map((e) => e.slice(0, 3))).toEqual([[rows + 1, 'Email', 'INVALID_IDENTIFIER']]);
      const skipped = await run(body, { onError: 'skip' }, 120);
      expect(skipped).toMatchObject({ status: 'SUCCEEDED', totalRows: rows, created: rows - 1, failed: 1, processedRows: rows });
      expect((await app.sql<any>(`SELECT count(*)::int AS n FROM customers WHERE email LIKE '%@bulk.test'`))[0].n).toBe(rows - 1);
    }, 180_000);
  });
});
