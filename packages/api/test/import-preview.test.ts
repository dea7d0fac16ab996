import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { PREVIEW_BYTES } from '@cp/shared';
import { billingTeam } from './support/billing-team';
import { startTestApp, type TestApp } from './support/test-app';
import type { GraphQLTestClient } from './support/graphql-client';

/** The headers that send this client's credentials (session cookie or bearer token). */
function credentials(client: GraphQLTestClient | null): Record<string, string> {
  const headers: Record<string, string> = {};
  if (client?.sessionCookie) headers.cookie = client.sessionCookie;
  if (client?.bearer) headers.authorization = `Bearer ${client.bearer}`;
  return headers;
}

const search = (params: Record<string, unknown>) => new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]));

/** POSTs a file's bytes for a preview as this client, or anonymously. */
function preview(app: TestApp, client: GraphQLTestClient | null, body: Uint8Array | string, params: Record<string, unknown> = { kind: 'customers' }) {
  return fetch(`${app.baseUrl}/api/imports/preview?${search(params)}`, { method: 'POST', headers: { ...credentials(client), 'content-type': 'text/csv' }, body });
}

async function previewed(app: TestApp, client: GraphQLTestClient, body: Uint8Array | string, params?: Record<string, unknown>) {
  const res = await preview(app, client, body, params);
  const text = await res.text();
  expect({ status: res.status, text }).toEqual({ status: 200, text: expect.anything() });
  return { json: JSON.parse(text), text };
}

/** The template's header row after checking it is UTF-8 with a BOM and has no other row. */
async function templateHeader(app: TestApp, client: GraphQLTestClient, kind: string): Promise<string[]> {
  const res = await fetch(`${app.baseUrl}/api/imports/template.csv?kind=${kind}`, { headers: credentials(client) });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const bytes = Buffer.from(await res.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows: string[][] = parse(bytes.subarray(3).toString('utf8'));
  expect(rows).toHaveLength(1);
  return rows[0];
}

describe('Import preview and template', () => {
  let app: TestApp;
  let admin: GraphQLTestClient;
  let billing: GraphQLTestClient;
  let agent: GraphQLTestClient;

  beforeAll(async () => {
    app = await startTestApp();
    const cast = await billingTeam(app);
    ({ admin, billing, agent } = cast);
    const { team, createField: create } = cast;
    await create({ label: 'Plan', type: 'SELECT', options: ['Gold', 'Silver'] });
    await create({ label: '入会日', type: 'DATE' });
    await create({ label: 'Audited', type: 'TEXT', edit: { agents: false, teamIds: [] } });
    await create({ label: 'Covert ledger', type: 'TEXT', view: { agents: false, teamIds: [team] }, edit: { agents: false, teamIds: [team] } });
    const retired = (await create({ label: 'Retired', type: 'TEXT' })).createDetailField.id;
    await admin.ok(`mutation($id: ID!) { updateDetailField(input: { id: $id, archived: true }) { id } }`, { id: retired });
    await admin.ok(`mutation($i: CreateDetailFieldInput!) { createDetailField(input: $i) { id } }`, { i: { scope: 'ORGANIZATION', label: 'Tier', type: 'TEXT' } });
  });
  afterAll(() => app.close());

  it('shows the detected encoding and delimiter, the mapping, and the first ten rows as NFC text', async () => {
    const lines = ['email;Display name;plan;Created;Shoe size', ...Array.from({ length: 12 }, (_, i) => `u${i}@example.com;Cafe\u0301 ${i};Gold;2024-01-01;42`)];
    const { json } = await previewed(app, agent, `\uFEFF${lines.join('\r\n')}\r\n`);
    expect(json.encoding).toBe('UTF-8');
    expect(json.delimiter).toBe('semicolon');
    expect(json.columns).toEqual([
      { position: 1, header: 'email', target: 'Email', label: 'Email', problem: null },
      { position: 2, header: 'Display name', target: 'Display name', label: 'Display name', problem: null },
      { position: 3, header: 'plan', target: 'plan', label: 'Plan', problem: null },
      // An exported column the import does not set fills nothing, without a problem.
      { position: 4, header: 'Created', target: null, label: null, problem: null },
      {
        position: 5,
        header: 'Shoe size',
        target: null,
        label: null,
        problem: { reason: 'IMPORT_UNKNOWN_COLUMN', params: { column: "'Shoe size'" }, message: "Column 'Shoe size' matches no attribute or detail field you can see." },
      },
    ]);
    expect(json.problems).toEqual([{ position: 5, ...json.columns[4].problem }]);
    expect(json.rows).toHaveLength(10);
    expect(json.rows[0]).toEqual(['u0@example.com', 'Café 0', 'Gold', '2024-01-01', '42']);
    expect(json.rows[0][1]).toBe('Caf\u00e9 0');
    expect(json.targets).toEqual([
      { target: 'External ID', label: 'External ID', kind: 'builtIn' },
      { target: 'Email', label: 'Email', kind: 'builtIn' },
      { target: 'Username', label: 'Username', kind: 'builtIn' },
      { target: 'Display name', label: 'Display name', kind: 'builtIn' },
      { target: 'Organization', label: 'Organization', kind: 'builtIn' },
      { target: 'plan', label: 'Plan', kind: 'detail', type: 'SELECT' },
      { target: expect.any(String), label: '入会日', kind: 'detail', type: 'DATE' },
    ]);
  });

  it('honors the importer’s choices, the encoding and delimiter given, and reports a missing key column', async () => {
    const file = 'Mail,Name,Shoe size,Plan\r\na@example.com,Ann,42,Gold\r\n';
    const { json: before } = await previewed(app, agent, file);
    expect(before.problems.map((p: any) => [p.position, p.reason])).toEqual([
      [1, 'IMPORT_UNKNOWN_COLUMN'],
      [2, 'IMPORT_UNKNOWN_COLUMN'],
      [3, 'IMPORT_UNKNOWN_COLUMN'],
      [null, 'IMPORT_MISSING_KEY_COLUMN'],
    ]);
    const { json } = await previewed(app, agent, file, { kind: 'customers', columns: { 1: 'Email', 2: 'Display name', 3: '', 4: 'plan' }, encoding: 'windows-1252', delimiter: 'comma' });
    expect(json.encoding).toBe('Windows-1252');
    expect(json.columns.map((c: any) => [c.target, c.label, c.problem])).toEqual([
      ['Email', 'Email', null],
      ['Display name', 'Display name', null],
      [null, null, null],
      ['plan', 'Plan', null],
    ]);
    expect(json.problems).toEqual([]);
    // A column chosen twice for one target is refused on the later column, naming both headers.
    const { json: twice } = await previewed(app, agent, file, { kind: 'customers', columns: { 1: 'Email', 2: 'Email', 3: '' } });
    expect(twice.columns[1]).toMatchObject({ target: null, problem: { reason: 'IMPORT_DUPLICATE_COLUMN', params: { first: "'Mail'", column: "'Name'", target: 'Email' } } });
  });

  it('never offers nor names a field the viewer may not view, and refuses a read-only one by its label', async () => {
    const file = 'Email,Covert ledger,Audited\r\na@example.com,x,y\r\n';
    const { json: seen } = await previewed(app, billing, file);
    expect(seen.targets.map((t: any) => t.label)).toContain('Covert ledger');
    expect(seen.columns[1]).toMatchObject({ target: 'covert_ledger', label: 'Covert ledger', problem: null });

    const { json: hidden } = await previewed(app, agent, file);
    expect(hidden.targets.map((t: any) => t.label)).not.toContain('Covert ledger');
    // Exactly what a column matching nothing answers.
    expect(hidden.columns[1]).toEqual({ position: 2, header: 'Covert ledger', target: null, label: null, problem: expect.objectContaining({ reason: 'IMPORT_UNKNOWN_COLUMN' }) });
    expect(hidden.columns[2].problem).toMatchObject({ reason: 'IMPORT_READ_ONLY_COLUMN', params: { label: 'Audited' } });
    expect(hidden.targets.map((t: any) => t.label)).not.toContain('Audited');
    // Choosing the hidden field by its key is refused the same way, and nothing in the answer names it.
    const { text } = await previewed(app, agent, 'Email,Notes\r\na@example.com,x\r\n', { kind: 'customers', columns: { 2: 'covert_ledger' } });
    expect(JSON.parse(text).columns[1].problem.reason).toBe('IMPORT_UNKNOWN_COLUMN');
    expect(text.toLowerCase()).not.toContain('covert');
  });

  it('previews a Shift_JIS sample cut in the middle of a character, dropping the cut line', async () => {
    // Varied names: jschardet tells Shift_JIS from Windows-1252 by Japanese character statistics.
    const names = ['山田 太郎', '佐藤 花子', '鈴木 一郎', '高橋 美咲', '田中 健太', '伊藤 さくら', '渡辺 翔', '中村 由美'];
    const file = (pad: number) => {
      let text = `Email,Display name,Plan,入会日\r\nfirst@example.jp,${'x'.repeat(pad)}山田 太郎,Gold,2024-04-01\r\n`;
      for (let i = 0; text.length < PREVIEW_BYTES; i++) text += `user${i}@example.jp,${names[i % names.length]}（${i}）,Gold,2024-04-01\r\n`;
      return text;
    };
    // Byte offsets of each character: pad the first row so a two-byte character starts on the preview's last byte.
    const unpadded = file(0);
    let offset = 0;
    let lastTwoByteStart = 0;
    for (const ch of unpadded) {
      const size = iconv.encode(ch, 'cp932').length;
      if (offset >= PREVIEW_BYTES - 1) break;
      if (size === 2) lastTwoByteStart = offset;
      offset += size;
    }
    const bytes = iconv.encode(file(PREVIEW_BYTES - 1 - lastTwoByteStart), 'cp932').subarray(0, PREVIEW_BYTES);
    expect(iconv.decode(bytes, 'cp932').endsWith('\uFFFD')).toBe(true);

    const { json } = await previewed(app, agent, bytes);
    expect(json.encoding).toBe('Shift_JIS');
    expect(json.delimiter).toBe('comma');
    expect(json.columns.map((c: any) => c.label)).toEqual(['Email', 'Display name', 'Plan', '入会日']);
    expect(json.rows[1]).toEqual(['user0@example.jp', '山田 太郎（0）', 'Gold', '2024-04-01']);
    expect(json.rows).toHaveLength(10);
  });

  it('drops the line a UTF-16 sample cuts, long cells and all', async () => {
    // Rows of 30,000 bytes: the sample holds 8 whole rows and a cut ninth, which must not show as a short row.
    const long = (i: number) => `${i}${'あ'.repeat(15_000 - 1)}`;
    let text = '\uFEFFEmail\tDisplay name\r\n';
    for (let i = 0; text.length * 2 <= PREVIEW_BYTES; i++) text += `user${i}@example.jp\t${long(i)}\r\n`;
    const { json } = await previewed(app, agent, Buffer.from(text, 'utf16le').subarray(0, PREVIEW_BYTES));
    expect(json).toMatchObject({ encoding: 'UTF-16LE', delimiter: 'tab' });
    expect(json.rows).toHaveLength(8);
    expect(json.rows.map((row: string[]) => row[1])).toEqual(Array.from({ length: 8 }, (_, i) => long(i)));
  });

  it('answers the refusal the import would give for the sample, but not a quote the cut leaves open; shows cells as the import reads them', async () => {
    const { json: guarded } = await previewed(app, agent, "Email,Display name\r\na@example.com,'+1 (845) 555\r\n");
    expect(guarded).toMatchObject({ rows: [['a@example.com', '+1 (845) 555']], fileProblem: null });

    const { json: open } = await previewed(app, agent, 'Email,Display name\r\na@example.com,Ann\r\nb@example.com,"Bob\r\nc@example.com,Cy\r\n');
    expect(open.fileProblem).toEqual({ reason: 'IMPORT_UNTERMINATED_QUOTE', params: { line: 3 }, message: expect.stringMatching(/^Line 3: a quoted cell/) });

    // A sample cut inside a quoted cell that spans lines: the rest of the cell is in the file, not the sample.
    let text = 'Email,Display name\r\n';
    for (let i = 0; text.length < PREVIEW_BYTES - 100; i++) text += `user${i}@example.com,User ${i}\r\n`;
    text += `last@example.com,"${'line\r\n'.repeat(100)}"\r\n`;
    const { json: cut } = await previewed(app, agent, Buffer.from(text, 'utf8').subarray(0, PREVIEW_BYTES));
    expect(cut.fileProblem).toBeNull();
    expect(cut.rows).toHaveLength(10);
  });

  it('answers the file-level refusals and bad arguments as JSON errors, and 401 without a viewer', async () => {
    const unauthenticated = await preview(app, null, 'Email\r\n');
    expect(unauthenticated.status).toBe(401);
    expect(((await unauthenticated.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const refusal = async (body: string | Uint8Array, params: Record<string, unknown>) => {
      const res = await preview(app, agent, body, params);
      expect(res.status).toBe(400);
      return ((await res.json()) as any).errors[0].extensions;
    };
    expect(await refusal('', { kind: 'customers' })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IMPORT_EMPTY_FILE' });
    expect(await refusal('Email\r\n', { kind: 'tickets' })).toMatchObject({ reason: 'IMPORT_OPTION_NOT_SUPPORTED', field: 'kind' });
    expect(await refusal('Email\r\n', { kind: 'customers', encoding: 'EBCDIC' })).toMatchObject({ reason: 'IMPORT_ENCODING_NOT_SUPPORTED', field: 'encoding' });
    expect(await refusal('Email\r\n', { kind: 'customers', columns: '{"1":' })).toMatchObject({ reason: 'IMPORT_OPTION_NOT_SUPPORTED', field: 'columns' });
    expect(await refusal('Email\r\n', { kind: 'customers', columns: { first: 'Email' } })).toMatchObject({ reason: 'IMPORT_OPTION_NOT_SUPPORTED', field: 'columns' });
    expect(await refusal(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), { kind: 'customers' })).toMatchObject({ reason: 'IMPORT_SPREADSHEET_FILE' });
    const tooLarge = await preview(app, agent, Buffer.alloc(PREVIEW_BYTES + 1, 0x41));
    expect(tooLarge.status).toBe(413);
  });

  it('gives a template of the built-in columns and the fields the viewer may edit', async () => {
    expect(await templateHeader(app, agent, 'customers')).toEqual(['External ID', 'Email', 'Username', 'Display name', 'Organization', 'Plan', '入会日']);
    expect(await templateHeader(app, billing, 'customers')).toEqual(['External ID', 'Email', 'Username', 'Display name', 'Organization', 'Plan', '入会日', 'Covert ledger']);
    expect(await templateHeader(app, admin, 'customers')).toEqual(['External ID', 'Email', 'Username', 'Display name', 'Organization', 'Plan', '入会日', 'Audited', 'Covert ledger']);
    expect(await templateHeader(app, agent, 'organizations')).toEqual(['Organization Name', 'External ID', 'Tier']);
    const anonymous = await fetch(`${app.baseUrl}/api/imports/template.csv?kind=customers`);
    expect(anonymous.status).toBe(401);
  });
});
