import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every stored text column (`table.column`, text or citext), and every JSONB
 * column holding people's text (detail values, select options). New stored
 * text belongs in these lists.
 */
export const STORED_TEXT = [
  'agents.email',
  'agents.display_name',
  'teams.name',
  'api_tokens.name',
  'organizations.name',
  'customers.email',
  'customers.username',
  'customers.display_name',
  'detail_fields.label',
  'detail_search.text',
] as const;
export const STORED_JSON = ['customers.details', 'organizations.details', 'detail_fields.options'] as const;

/** `text` for a text column, `col::text` for JSONB: JSONB prints non-ASCII characters as they are, so NFC of the JSON text is NFC of every string in it. */
const targets = () => [
  ...STORED_TEXT.map((name) => ({ name, expression: (column: string) => column, back: '' })),
  ...STORED_JSON.map((name) => ({ name, expression: (column: string) => `${column}::text`, back: '::jsonb' })),
];

/**
 * Text was stored as sent, so 'Zoë' pasted from macOS ('e' + U+0308) never
 * matched 'Zoë' typed elsewhere. The API now NFC-normalizes every argument;
 * this rewrites rows stored before, and a CHECK per column keeps any other
 * write path (seed, import, raw SQL) from storing another form again.
 * Two stored values that differ only in normalization on a unique column
 * make this fail, naming the key: merge them by hand, then rerun.
 */
export class NormalizeStoredText1764087300000 implements MigrationInterface {
  name = 'NormalizeStoredText1764087300000';

  async up(q: QueryRunner): Promise<void> {
    for (const { name, expression, back } of targets()) {
      const [table, column] = name.split('.');
      const value = expression(column);
      await q.query(`UPDATE ${table} SET ${column} = normalize(${value}, NFC)${back} WHERE ${value} IS NOT NFC NORMALIZED`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_nfc CHECK (${value} IS NFC NORMALIZED)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { name } of targets()) {
      const [table, column] = name.split('.');
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_${column}_nfc`);
    }
  }
}
