import iconv from 'iconv-lite';
import { billingTeam } from './support/billing-team';
import { startTestApp, type TestApp } from './support/test-app';
import type { GraphQLTestClient } from './support/graphql-client';
import { IMPORT_JOB, finishedImport, importErrorsOf, runImport, uploadImport } from './support/import-client';

type Client = GraphQLTestClient & { agentId: string; email: string };

const JOB = IMPORT_JOB;
const upload = (app: TestApp, client: GraphQLTestClient, body: string | Buffer, params: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  uploadImport(app.baseUrl, client, body, params, headers);
const finished = finishedImport;
const run = (app: TestApp, client: GraphQLTestClient, body: string | Buffer, params: Record<string, string> = {}) => runImport(app.baseUrl, client, body, params);
const errorsOf = importErrorsOf;

describe('imports', () => {
  let app: TestApp;
  let admin: Client;
  let agent: Client;
  let billing: Client;

  beforeAll(async () => {
    app = await startTestApp();
    const cast = await billingTeam(app);
    ({ admin, billing, agent } = cast);
    const { team, createField: create } = cast;
    await create({ label: 'Plan', type: 'SELECT', options: ['Gold', 'Silver'] });
    await create({ label: 'Score', type: 'NUMBER' });
    await create({ label: 'Since', type: 'DATE' });
    await create({ label: 'Phone', type: 'PHONE' });
    await create({ label: 'Regions', type: 'MULTI_SELECT', options: ['EMEA', 'Tokyo, Japan'] });
    await create({ label: 'Billing secret', type: 'TEXT', view: { agents: false, teamIds: [team] }, edit: { agents: false, teamIds: [team] } });
    await create({ label: 'Tier', type: 'TEXT', edit: { agents: false, teamIds: [team] } });
  });
  afterAll(() => app.close());

  it('creates customers with their details, organizations and history; the same file again changes nothing', async () => {
    const file = 'Email,Display name,Organization,Plan,Score,Since,Phone,Regions\r\n' +
      'ann@example.com,Ann,Acme|Globex,Gold,12.5,2024-02-29,0123 456,"EMEA|Tokyo, Japan"\r\n' +
      '"bo@example.com","Bo ""B"" Smith",acme,Silver,,,,\r\n';
    const job = await run(app, agent, file);
    expect(job).toMatchObject({ status: 'SUCCEEDED', phase: 'DONE', totalRows: 2, processedRows: 2, created: 2, updated: 0, unchanged: 0, failed: 0, encoding: 'UTF-8', delimiter: 'comma' });
    const [ann] = await app.sql<any>(`SELECT id, display_name, details FROM customers WHERE email = 'ann@example.com'`);
    expect(ann.details).toEqual({ plan: 'Gold', score: 12.5, since: '2024-02-29', phone: '0123 456', regions: ['EMEA', 'Tokyo, Japan'] });
    const orgs = await app.sql<any>(`SELECT o.name::text FROM customer_organizations co JOIN organizations o ON o.id = co.organization_id JOIN customers c ON c.id = co.customer_id ORDER BY 1`);
    expect(orgs.map((o) => o.name)).toEqual(['Acme', 'Acme', 'Globex']);
    // History: one "created" entry listing her initial values (by field id), her organizations and the job; no entry per value or join.
    const history = await app.sql<any>(`SELECT attribute, field_id, from_value AS from, to_value AS to, import_job_id FROM changes WHERE customer_id = $1 ORDER BY seq`, [ann.id]);
    const fieldIds = Object.fromEntries((await app.sql<any>(`SELECT key, id FROM detail_fields`)).map((f) => [f.key, f.id]));
    expect(history).toEqual([
      {
        attribute: 'created',
        field_id: null,
        from: null,
        to: {
          email: 'ann@example.com',
          displayName: 'Ann',
          organizations: ['Acme', 'Globex'],
          details: { [fieldIds.plan]: 'Gold', [fieldIds.score]: 12.5, [fieldIds.since]: '2024-02-29', [fieldIds.phone]: '0123 456', [fieldIds.regions]: ['EMEA', 'Tokyo, Japan'] },
        },
        import_job_id: job.id,
      },
    ]);
    // The organizations' side still records each new member, by the import.
    const members = await app.sql<any>(`SELECT o.name::text AS organization, h.to_value AS to, h.import_job_id FROM changes h JOIN organizations o ON o.id = h.organization_id WHERE h.attribute = 'member' ORDER BY 1, 2`);
    expect(members).toEqual([
      { organization: 'Acme', to: 'Ann', import_job_id: job.id },
      { organization: 'Acme', to: 'Bo "B" Smith', import_job_id: job.id },
      { organization: 'Globex', to: 'Ann', import_job_id: job.id },
    ]);
    // New records and history entries get time-ordered ids (version 7: milliseconds first), so a batch fills the right edge of their indexes.
    const made = await app.sql<any>(`SELECT id::text FROM customers WHERE email = 'ann@example.com' UNION ALL SELECT id::text FROM changes WHERE customer_id = $1`, [ann.id]);
    for (const { id } of made) {
      expect(id[14]).toBe('7');
      expect(Math.abs(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16) - Date.now())).toBeLessThan(60_000);
    }
    // Values inserted with a new customer are in the search index too: an agent finds Ann by her phone number.
    const found = await agent.ok(`query { customers(first: 5, query: "0123 456") { edges { node { email } } } }`);
    expect(found.customers.edges.map((e: any) => e.node.email)).toEqual(['ann@example.com']);

    const again = await run(app, agent, file);
    expect(again).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 0, unchanged: 2, failed: 0 });
  });

  it("shows a created customer's history as one entry by the import, with the values each viewer may view", async () => {
    const job = await run(app, billing, 'Email,Display name,Plan,Billing secret\ncat@example.com,Cat,Silver,IBAN-CAT-SECRET\n');
    expect(job).toMatchObject({ status: 'SUCCEEDED', created: 1 });
    const [cat] = await app.sql<any>(`SELECT id FROM customers WHERE email = 'cat@example.com'`);
    const HISTORY = `query($id: ID!) { customer(id: $id) { history(first: 10) { totalCount edges { node {
      attribute from to importJobId actor { email } field { key } values { field { key label } value } } } } } }`;
    const seenBy = async (client: GraphQLTestClient) => (await client.ok(HISTORY, { id: cat.id })).customer.history;
    const entry = (values: Array<[string, string, unknown]>) => ({
      attribute: 'created',
      from: null,
      to: { email: 'cat@example.com', displayName: 'Cat' },
      importJobId: job.id,
      actor: { email: billing.email },
      field: null,
      values: values.map(([key, label, value]) => ({ field: { key, label }, value })),
    });
    expect(await seenBy(billing)).toEqual({ totalCount: 1, edges: [{ node: entry([['plan', 'Plan', 'Silver'], ['billing_secret', 'Billing secret', 'IBAN-CAT-SECRET']]) }] });
    // An agent outside the billing team sees the entry without the value they may not view: not its field, not its value.
    const forAgent = await seenBy(agent);
    expect(forAgent).toEqual({ totalCount: 1, edges: [{ node: entry([['plan', 'Plan', 'Silver']]) }] });
    expect(JSON.stringify(forAgent)).not.toContain('IBAN-CAT-SECRET');
  });

  it('matches by email ignoring case, updates only what differs, and clears a value for an empty cell', async () => {
    const job = await run(app, agent, 'EMAIL,score,plan\nANN@example.com,13,\n');
    expect(job).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 1, unchanged: 0 });
    const [ann] = await app.sql<any>(`SELECT details FROM customers WHERE email = 'ann@example.com'`);
    expect(ann.details).toMatchObject({ score: 13 });
    expect(ann.details.plan).toBeUndefined();
  });

  it('a dry run reports what would happen and writes nothing', async () => {
    const job = await run(app, agent, 'Email,Plan\nnew1@example.com,Gold\nann@example.com,Silver\nbad,Gold\n', { dryRun: 'true' });
    expect(job).toMatchObject({ status: 'SUCCEEDED', dryRun: true, created: 1, updated: 1, failed: 1, totalRows: 3 });
    expect(errorsOf(job)).toEqual([[4, 'Email', 'INVALID_IDENTIFIER', expect.stringContaining("'bad'")]]);
    expect(await app.sql(`SELECT 1 FROM customers WHERE email = 'new1@example.com'`)).toEqual([]);
  });

  it('abort: one bad row and nothing is written; skip: the good rows are written and the bad ones reported', async () => {
    const file = 'Email,Plan,Since\nc1@example.com,Gold,2024-01-01\nc2@example.com,Platinum,2026-02-29\nc3@example.com,Silver,\n';
    const aborted = await run(app, agent, file);
    expect(aborted).toMatchObject({ status: 'FAILED', failed: 1, failure: { problem: { reason: 'IMPORT_ROWS_FAILED' } } });
    expect(errorsOf(aborted).map((e: any[]) => e.slice(0, 3))).toEqual([
      [3, 'Plan', 'INVALID_DETAIL_VALUE'],
      [3, 'Since', 'INVALID_DETAIL_VALUE'],
    ]);
    expect(aborted.errors.edges[0].node.message).toContain('Gold');
    expect(await app.sql(`SELECT 1 FROM customers WHERE email LIKE 'c_@example.com'`)).toEqual([]);
    const skipped = await run(app, agent, file, { onError: 'skip' });
    expect(skipped).toMatchObject({ status: 'SUCCEEDED', created: 2, failed: 1 });
    expect((await app.sql<any>(`SELECT email::text FROM customers WHERE email LIKE 'c_@example.com' ORDER BY 1`)).map((r) => r.email)).toEqual(['c1@example.com', 'c3@example.com']);
  });

  it('reports the same email twice, in another case, on the later line', async () => {
    const job = await run(app, agent, 'Email\nrepeat@example.com\nREPEAT@example.com\n', { onError: 'skip' });
    expect(job).toMatchObject({ created: 1, failed: 1 });
    expect(errorsOf(job)).toEqual([[3, 'Email', 'IMPORT_REPEATED_ROW', "Email 'REPEAT@example.com' is also on line 2: each record may appear only once in a file."]]);
  });

  it('downloads the errors as CSV, a message starting with a quoted value as written, a formula-like cell guarded', async () => {
    const job = await run(app, agent, 'Email,Display name\nnot-an-email,x\n=1+1,y\n', { onError: 'skip' });
    const res = await fetch(`${app.baseUrl}/api/imports/${job.id}/errors.csv`, { headers: { cookie: agent.sessionCookie! } });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split('\r\n').slice(0, 3)).toEqual([
      'Line,Column,Value,Problem,Reason',
      "2,Email,not-an-email,'not-an-email' has no @ (an address looks like name@example.com),INVALID_IDENTIFIER",
      expect.stringMatching(/^3,Email,'=1\+1,'=1\+1' .*,INVALID_IDENTIFIER$/),
    ]);
    const other = await fetch(`${app.baseUrl}/api/imports/${job.id}/errors.csv`, { headers: { cookie: admin.sessionCookie! } });
    expect(other.status).toBe(404);
  });

  it('writes the errors CSV in the language asked for, as the web app says its problems (header, messages, lists); the reason stays the code', async () => {
    const job = await run(app, agent, 'Email,Plan\nnot-an-email,Gold\nok@example.com,Bronze\n', { onError: 'skip' });
    const csv = async (query: string) => {
      const res = await fetch(`${app.baseUrl}/api/imports/${job.id}/errors.csv${query}`, { headers: { cookie: agent.sessionCookie! } });
      expect(res.status).toBe(200);
      return { language: res.headers.get('content-language'), lines: Buffer.from(await res.arrayBuffer()).subarray(3).toString('utf8').split('\r\n').slice(0, 3) };
    };
    expect(await csv('?lang=ja')).toEqual({
      language: 'ja',
      lines: [
        '行,列,値,問題,理由コード',
        "2,Email,not-an-email,'not-an-email': @ がありません（name@example.com のような形式です）,INVALID_IDENTIFIER",
        // Nested problems and lists as the web app joins them in Japanese.
        "3,Plan,Bronze,Plan: 'Bronze' — 選択肢にありません。選択肢: 'Gold'、'Silver',INVALID_DETAIL_VALUE",
      ],
    });
    // English without `lang`, and for a language the app does not ship; a regional tag reads as its language.
    const english = await csv('');
    expect(english).toEqual({ language: 'en', lines: ['Line,Column,Value,Problem,Reason', expect.stringContaining('has no @'), expect.stringContaining('is not one of the options')] });
    expect(await csv('?lang=xx')).toEqual(english);
    expect((await csv('?lang=ja-JP')).language).toBe('ja');
  });

  it('reads dates in the chosen format, never rolling an impossible date over', async () => {
    const job = await run(app, agent, 'Email;Since\nd1@example.com;31.12.2024\nd2@example.com;29.02.2026\n', { dateFormat: 'DD.MM.YYYY', onError: 'skip' });
    expect(job).toMatchObject({ delimiter: 'semicolon', created: 1, failed: 1, dateFormat: 'DD.MM.YYYY' });
    expect(errorsOf(job)[0].slice(0, 3)).toEqual([3, 'Since', 'INVALID_DETAIL_VALUE']);
    expect((await app.sql<any>(`SELECT details->>'since' AS since FROM customers WHERE email = 'd1@example.com'`))[0].since).toBe('2024-12-31');
  });

  it('reports a hidden field exactly like an unknown column, and a field the importer may not edit, before reading rows', async () => {
    const job = await run(app, agent, 'Email,Billing secret,Tier,Nope\nx@example.com,1,2,3\n');
    expect(job).toMatchObject({ status: 'FAILED', failure: { problem: { reason: 'IMPORT_HEADER_REFUSED' } } });
    expect(errorsOf(job).map((e: any[]) => e.slice(0, 3))).toEqual([
      [1, 'Billing secret', 'IMPORT_UNKNOWN_COLUMN'],
      [1, 'Tier', 'IMPORT_READ_ONLY_COLUMN'],
      [1, 'Nope', 'IMPORT_UNKNOWN_COLUMN'],
    ]);
    // The billing team may write both.
    expect(await run(app, billing, 'Email,Billing secret,Tier\nx@example.com,owes 5,T1\n')).toMatchObject({ status: 'SUCCEEDED', created: 1 });
  });

  it('reads Shift_JIS and UTF-16 files', async () => {
    const sjis = iconv.encode('Email,Display name,Organization\r\nyamada@example.jp,山田 太郎,株式会社テスト\r\n', 'cp932');
    expect(await run(app, agent, sjis)).toMatchObject({ status: 'SUCCEEDED', created: 1, encoding: 'Shift_JIS' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('Email\tDisplay name\r\nsato@example.jp\t佐藤\r\n', 'utf16le')]);
    expect(await run(app, agent, utf16)).toMatchObject({ status: 'SUCCEEDED', created: 1, encoding: 'UTF-16LE', delimiter: 'tab' });
    expect((await app.sql<any>(`SELECT display_name FROM customers WHERE email IN ('yamada@example.jp', 'sato@example.jp') ORDER BY 1`)).map((r) => r.display_name)).toEqual(['佐藤', '山田 太郎']);
  });

  it('fails a file with an unterminated quote at file level, naming the line, writing nothing', async () => {
    const job = await run(app, agent, 'Email,Display name\nq1@example.com,ok\nq2@example.com,"never closed\nq3@example.com,x\n');
    expect(job).toMatchObject({ status: 'FAILED', failure: { line: 3, problem: { reason: 'IMPORT_UNTERMINATED_QUOTE' } } });
    expect(await app.sql(`SELECT 1 FROM customers WHERE email = 'q1@example.com'`)).toEqual([]);
  });

  it('an Idempotency-Key replays the same job', async () => {
    const file = 'Email\nidem@example.com\n';
    const first: any = await (await upload(app, agent, file, {}, { 'Idempotency-Key': 'k-1' })).json();
    const second: any = await (await upload(app, agent, file, {}, { 'Idempotency-Key': 'k-1' })).json();
    expect(second.jobId).toBe(first.jobId);
    expect(await finished(agent, first.jobId)).toMatchObject({ created: 1 });
    const other: any = await (await upload(app, admin, file, {}, { 'Idempotency-Key': 'k-1' })).json();
    expect(other.jobId).not.toBe(first.jobId);
    // Another viewer's job is not found.
    expect((await admin.ok(JOB, { id: first.jobId })).importJob).toBeNull();
  });

  it('refuses an Idempotency-Key longer than 200 characters rather than cutting it (two keys alike up to the cut would replay each other)', async () => {
    const long = `k-${'x'.repeat(199)}`;
    const refused = await upload(app, agent, 'Email\nlongkey@example.com\n', {}, { 'Idempotency-Key': long });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as any).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key', reason: 'IDEMPOTENCY_KEY_TOO_LONG', params: { max: 200, length: 201 } });
    expect(await app.sql(`SELECT 1 FROM import_jobs WHERE idempotency_key LIKE 'k-x%'`)).toEqual([]);
    const fits: any = await (await upload(app, agent, 'Email\nlongkey@example.com\n', {}, { 'Idempotency-Key': long.slice(0, 200) })).json();
    expect(await finished(agent, fits.jobId)).toMatchObject({ created: 1 });
  });

  it('importCustomers takes JSON rows; a missing key leaves that value alone', async () => {
    const mutation = `mutation($input: ImportCustomersInput!) { importCustomers(input: $input) { id status } }`;
    const { importCustomers } = await agent.ok(mutation, { input: { rows: [{ Email: 'ann@example.com', Plan: 'Silver' }, { Email: 'json@example.com', score: 7, Regions: ['EMEA'] }] } });
    const job = await finished(agent, importCustomers.id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', created: 1, updated: 1 });
    const [ann] = await app.sql<any>(`SELECT details FROM customers WHERE email = 'ann@example.com'`);
    expect(ann.details).toMatchObject({ plan: 'Silver', score: 13 });
    const refused = await agent.request(mutation, { input: { rows: [1] } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IMPORT_ROW_NOT_OBJECT' });
  });

  it('refuses bad arguments and anonymous uploads before reading the body', async () => {
    const bad = await upload(app, agent, 'Email\n', { kind: 'agents' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0].extensions).toMatchObject({ reason: 'IMPORT_OPTION_NOT_SUPPORTED', params: { option: 'kind' } });
    const anonymous = await fetch(`${app.baseUrl}/api/imports?kind=customers`, { method: 'POST', body: 'Email\n' });
    expect(anonymous.status).toBe(401);
  });
});
