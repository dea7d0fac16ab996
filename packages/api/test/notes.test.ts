import { Role } from '../src/graphql/enums';
import { startTestApp, type TestApp } from './support/test-app';
import type { GraphQLTestClient } from './support/graphql-client';

const NOTE = `id body viaToken version createdAt updatedAt viewerCanEdit author { id displayName }`;
const ADD = `mutation($input: AddNoteInput!) { addNote(input: $input) { ${NOTE} } }`;
const UPDATE = `mutation($id: ID!, $body: String!, $v: Int!) { updateNote(id: $id, body: $body, expectedVersion: $v) { ${NOTE} } }`;
const DELETE = `mutation($id: ID!) { deleteNote(id: $id) }`;
const CUSTOMER_NOTES = `query($id: ID!, $first: Int, $after: String) {
  customer(id: $id) { notes(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${NOTE} } } } }
}`;
const ORGANIZATION_NOTES = `query($id: ID!, $first: Int, $after: String) {
  organization(id: $id) { notes(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id body } } } }
}`;

type Note = { id: string; body: string; version: number; viaToken: string | null; createdAt: string; updatedAt: string; viewerCanEdit: boolean; author: { id: string; displayName: string } };

describe('notes on customers and organizations', () => {
  let app: TestApp;
  let author: GraphQLTestClient & { agentId: string };
  let other: GraphQLTestClient & { agentId: string };
  let admin: GraphQLTestClient & { agentId: string };
  let customerId: string;
  let organizationId: string;

  beforeAll(async () => {
    app = await startTestApp();
    [author, other, admin] = await Promise.all([app.signedIn(Role.AGENT), app.signedIn(Role.AGENT), app.signedIn(Role.ADMIN)]);
    [{ id: customerId }] = await app.sql<{ id: string }>(`INSERT INTO customers (email, display_name) VALUES ('noted@acme.test', 'Noted') RETURNING id`);
    [{ id: organizationId }] = await app.sql<{ id: string }>(`INSERT INTO organizations (name) VALUES ('Noted Org') RETURNING id`);
  });
  afterAll(() => app.close());

  const add = async (client: GraphQLTestClient, body: string, owner: Record<string, string> = { customerId }): Promise<Note> =>
    (await client.ok(ADD, { input: { ...owner, body } })).addNote;
  const storedBody = async (id: string) => (await app.sql<{ body: string }>(`SELECT body FROM notes WHERE id = $1`, [id]))[0]?.body;
  const refusal = async (client: GraphQLTestClient, query: string, variables: Record<string, unknown>) => {
    const { errors, data } = await client.request(query, variables);
    expect(data).toBeNull();
    const { code, reason, params, field } = errors![0].extensions!;
    return { code, reason, params, field, message: errors![0].message };
  };

  it('adds a note as its author: line breaks kept as LF, trimmed, NFC; written by the agent, editable by them', async () => {
    const note = await add(author, '  Called back.\r\nRefund sent: Cafe\u0301 order  ');
    expect(note).toMatchObject({ body: 'Called back.\nRefund sent: Café order', version: 1, viaToken: null, viewerCanEdit: true, author: { id: author.agentId } });
    expect(note.updatedAt).toBe(note.createdAt);
    const { customer } = await other.ok(CUSTOMER_NOTES, { id: customerId });
    expect(customer.notes.edges.map((e: { node: Note }) => e.node)).toContainEqual({ ...note, viewerCanEdit: false });
  });

  it('adds a note on an organization, listed there and not on any customer', async () => {
    const note = await add(author, 'Renewal talks in March', { organizationId });
    const { organization } = await author.ok(ORGANIZATION_NOTES, { id: organizationId });
    expect(organization.notes).toMatchObject({ totalCount: 1, edges: [{ node: { id: note.id, body: 'Renewal talks in March' } }] });
    expect((await app.sql(`SELECT customer_id FROM notes WHERE id = $1`, [note.id]))[0]).toEqual({ customer_id: null });
  });

  it('refuses a body that is empty, too long or has control characters, and an owner that is missing, doubled or unknown', async () => {
    const before = (await app.sql(`SELECT id FROM notes`)).length;
    const body = async (text: string) => refusal(author, ADD, { input: { customerId, body: text } });
    expect(await body(' \r\n ')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body', reason: 'INVALID_NOTE_BODY', params: { problem: { reason: 'EMPTY' } }, message: 'The note must not be empty' });
    expect(await body('x'.repeat(10_001))).toMatchObject({ field: 'body', reason: 'INVALID_NOTE_BODY', params: { problem: { reason: 'TOO_LONG', params: { max: 10_000 } } } });
    expect(await body('bell\u0007')).toMatchObject({ field: 'body', params: { problem: { reason: 'CONTROL_CHARACTERS' } } });
    expect((await add(author, '😀'.repeat(10_000))).body).toHaveLength(20_000); // 10,000 code points fit

    expect(await refusal(author, ADD, { input: { body: 'x' } })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ONE_NOTE_OWNER' });
    expect(await refusal(author, ADD, { input: { customerId, organizationId, body: 'x' } })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ONE_NOTE_OWNER' });
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await refusal(author, ADD, { input: { customerId: missing, body: 'x' } })).toMatchObject({
      code: 'BAD_USER_INPUT', field: 'customerId', reason: 'NOT_FOUND', params: { entity: 'CUSTOMER', id: `'${missing}'` },
    });
    expect(await refusal(author, ADD, { input: { organizationId: 'nope', body: 'x' } })).toMatchObject({ field: 'organizationId', reason: 'NOT_FOUND', params: { entity: 'ORGANIZATION' } });
    expect((await app.sql(`SELECT id FROM notes`)).length).toBe(before + 1);
  });

  it("refuses another agent's edit or delete (FORBIDDEN, naming the author) and leaves the note as it was", async () => {
    const note = await add(author, 'Mine');
    const edit = await refusal(other, UPDATE, { id: note.id, body: 'Theirs', v: 1 });
    const authorName = (await app.sql<{ display_name: string }>(`SELECT display_name FROM agents WHERE id = $1`, [author.agentId]))[0].display_name;
    expect(edit).toMatchObject({ code: 'FORBIDDEN', reason: 'NOTE_NOT_YOURS', params: { author: authorName } });
    expect(edit.message).toBe(`This note was written by ${authorName}: only its author or an admin may change or delete it`);
    expect(await refusal(other, DELETE, { id: note.id })).toMatchObject({ code: 'FORBIDDEN', reason: 'NOTE_NOT_YOURS' });
    // Another agent's note with a stale version is still refused for whose it is.
    expect(await refusal(other, UPDATE, { id: note.id, body: 'Theirs', v: 7 })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await storedBody(note.id)).toBe('Mine');
  });

  it('lets the author edit their own note: the version moves and updatedAt follows; the same text again changes nothing', async () => {
    const note = await add(author, 'Draft');
    const { updateNote } = await author.ok(UPDATE, { id: note.id, body: 'Final\r\n', v: 1 });
    expect(updateNote).toMatchObject({ id: note.id, body: 'Final', version: 2, createdAt: note.createdAt, author: { id: author.agentId } });
    expect(new Date(updateNote.updatedAt).getTime()).toBeGreaterThan(new Date(note.createdAt).getTime());
    const again = (await author.ok(UPDATE, { id: note.id, body: ' Final ', v: 2 })).updateNote;
    expect(again).toEqual(updateNote);
  });

  it('lets an admin edit and delete any note; the author stays who wrote it', async () => {
    const note = await add(author, 'Tpyo');
    const { updateNote } = await admin.ok(UPDATE, { id: note.id, body: 'Typo', v: 1 });
    expect(updateNote).toMatchObject({ body: 'Typo', version: 2, viewerCanEdit: true, author: { id: author.agentId } });
    expect(await admin.ok(DELETE, { id: note.id })).toEqual({ deleteNote: true });
  });

  it('refuses a stale edit with CONFLICT and the current version, keeping the newer text', async () => {
    const note = await add(author, 'One');
    await admin.ok(UPDATE, { id: note.id, body: 'Two (admin)', v: 1 });
    expect(await refusal(author, UPDATE, { id: note.id, body: 'Two (author)', v: 1 })).toMatchObject({
      code: 'CONFLICT', reason: 'STALE_VERSION', params: { entity: 'NOTE', current: 2, expected: 1 },
    });
    const { errors } = await author.request(UPDATE, { id: note.id, body: 'Two (author)', v: 1 });
    expect(errors![0].extensions!.currentVersion).toBe(2);
    expect(await storedBody(note.id)).toBe('Two (admin)');
  });

  it('deletes softly: the note is gone from lists, counts and further changes, while the row remembers who deleted it', async () => {
    const note = await add(author, 'Short-lived', { organizationId });
    const count = async () => (await author.ok(ORGANIZATION_NOTES, { id: organizationId })).organization.notes.totalCount;
    const before = await count();
    expect(await author.ok(DELETE, { id: note.id })).toEqual({ deleteNote: true });
    expect(await count()).toBe(before - 1);
    const { organization } = await author.ok(ORGANIZATION_NOTES, { id: organizationId });
    expect(organization.notes.edges.map((e: { node: Note }) => e.node.id)).not.toContain(note.id);
    const [row] = await app.sql(`SELECT deleted_by_id, deleted_at IS NOT NULL AS deleted FROM notes WHERE id = $1`, [note.id]);
    expect(row).toEqual({ deleted_by_id: author.agentId, deleted: true });
    expect(await refusal(author, DELETE, { id: note.id })).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND', params: { entity: 'NOTE' } });
    expect(await refusal(author, UPDATE, { id: note.id, body: 'Back', v: 1 })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers NOT_FOUND for unknown note ids, malformed or not', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      expect(await refusal(author, UPDATE, { id, body: 'x', v: 1 })).toMatchObject({ code: 'NOT_FOUND', params: { entity: 'NOTE', id: `'${id}'` } });
      expect(await refusal(author, DELETE, { id })).toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it("shows a note written through an API token with the token's name; the token acts for its creator", async () => {
    const { createApiToken } = await admin.ok(`mutation { createApiToken(input: { name: "Zendesk sync", role: AGENT }) { token } }`);
    const partner = app.client();
    partner.bearer = createApiToken.token;
    const note = await add(partner, 'Imported from the old desk');
    expect(note).toMatchObject({ viaToken: 'Zendesk sync', author: { id: admin.agentId }, viewerCanEdit: true });
    const { customer } = await author.ok(CUSTOMER_NOTES, { id: customerId, first: 1 });
    expect(customer.notes.edges[0].node).toMatchObject({ id: note.id, viaToken: 'Zendesk sync', viewerCanEdit: false });
    // The token's creator wrote it; the token's AGENT role may not change other agents' notes.
    expect((await partner.ok(UPDATE, { id: note.id, body: 'Imported (fixed)', v: 1 })).updateNote.viaToken).toBe('Zendesk sync');
    const someoneElses = await add(author, 'Not the token creator');
    expect(await refusal(partner, DELETE, { id: someoneElses.id })).toMatchObject({ code: 'FORBIDDEN', reason: 'NOTE_NOT_YOURS' });
  });

  it('pages notes newest first (ties broken by id) through every page, with totalCount', async () => {
    const [{ id: listed }] = await app.sql<{ id: string }>(`INSERT INTO customers (username, display_name) VALUES ('paged', 'Paged') RETURNING id`);
    // 23 notes, several sharing a timestamp, so the id has to break ties.
    await app.sql(
      `INSERT INTO notes (customer_id, body, author_id, created_at, updated_at)
       SELECT $1, 'note ' || i, $2, t, t FROM generate_series(1, 23) i, LATERAL (SELECT timestamptz '2026-01-01' + (i / 3) * interval '1 minute' AS t) s`,
      [listed, author.agentId],
    );
    const expected = (await app.sql<{ id: string }>(`SELECT id FROM notes WHERE customer_id = $1 ORDER BY created_at DESC, id DESC`, [listed])).map((r) => r.id);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { customer }: { customer: { notes: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: Note }> } } } =
        await other.ok(CUSTOMER_NOTES, { id: listed, first: 5, after });
      expect(customer.notes.totalCount).toBe(23);
      seen.push(...customer.notes.edges.map((e) => e.node.id));
      pages += 1;
      if (!customer.notes.pageInfo.hasNextPage) break;
      after = customer.notes.pageInfo.endCursor;
    }
    expect(pages).toBe(5);
    expect(seen).toEqual(expected);
    // The default page is 20, as the contract says.
    expect((await other.ok(CUSTOMER_NOTES, { id: listed })).customer.notes.edges).toHaveLength(20);
    const { errors } = await other.request(CUSTOMER_NOTES, { id: listed, after: 'bogus' });
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BAD_CURSOR', field: 'after' });
  });

  it('answers 10 or 50 customers with their newest note, its author and the note counts in the same statements (no N+1)', async () => {
    const [{ id: other2 }] = await app.sql<{ id: string }>(`SELECT id FROM agents WHERE id = $1`, [other.agentId]);
    await app.sql(
      `WITH c AS (INSERT INTO customers (username, display_name) SELECT 'stmt' || i, 'Stmt ' || lpad(i::text, 2, '0') FROM generate_series(1, 60) i RETURNING id)
       INSERT INTO notes (customer_id, body, author_id, created_at)
       SELECT c.id, 'note ' || k || ' of ' || c.id, CASE WHEN k = 1 THEN $1::uuid ELSE $2::uuid END, now() - k * interval '1 hour'
         FROM c, generate_series(1, 2) k`,
      [author.agentId, other2],
    );
    const LIST = `query($first: Int) { customers(first: $first, query: "stmt") { edges { node { id notes(first: 1) { totalCount edges { node { body viaToken author { displayName } } } } } } } }`;
    const statements = async (first: number) => {
      const start = app.statements.count;
      const { customers } = await other.ok(LIST, { first });
      expect(customers.edges).toHaveLength(first);
      for (const { node } of customers.edges) {
        expect(node.notes.totalCount).toBe(2);
        expect(node.notes.edges).toEqual([{ node: { body: `note 1 of ${node.id}`, viaToken: null, author: { displayName: expect.stringMatching(/^AGENT/) } } }]);
      }
      return app.statements.count - start;
    };
    await statements(10);
    const ten = await statements(10);
    const fifty = await statements(50);
    expect(fifty).toBe(ten);
    // Warm: the session and the field definitions come from the process's caches (cache-invalidation.test.ts). The search's size probe, the page, the notes pages, their counts, their authors.
    expect(fifty).toBe(5);
  });
});
