import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { problemText } from '@cp/shared';
import { DomainError } from '../src/common/domain-error';
import { DetailField } from '../src/modules/detail-fields/detail-field.entity';
import { DetailFieldScope, DetailFieldType } from '../src/modules/detail-fields/detail-field.enums';
import { decodeImportFile } from '../src/modules/imports/import-encoding';
import { readImportHeader } from '../src/modules/imports/import-header';
import { mapImportColumns, type ImportableField } from '../src/modules/imports/import-columns';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'import-files-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the bytes as a real file and reads them back, as an upload would arrive. */
function file(name: string, bytes: Buffer | Uint8Array): Uint8Array {
  const where = path.join(dir, name);
  writeFileSync(where, bytes);
  return new Uint8Array(readFileSync(where));
}

/** The refusal's reason and English text, or the result when it was not refused. */
function refusal(read: () => unknown): { reason: string; message: string } | unknown {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { reason: error.problem.reason, message: problemText(error.problem) };
  }
}

const CUSTOMERS_JA = 'Email,Display name,Organization,メモ\r\nyamada@example.jp,山田 太郎,株式会社テスト,①髙橋様より紹介\r\nsuzuki@example.jp,鈴木 花子,,ｶﾀｶﾅ\r\n';
const CUSTOMERS_FR = 'Email;Display name;Organization\r\nfrancois@example.fr;François Müller;Crème & Co\r\nzoe@example.fr;Zoë “Zed” Ålund – 5 €;\r\n';

describe('decodeImportFile: bytes to text, never garbled', () => {
  it.each([
    ['UTF-8 without a BOM', Buffer.from(CUSTOMERS_JA, 'utf8'), 'UTF-8', CUSTOMERS_JA],
    ['UTF-8 with a BOM (Excel "CSV UTF-8")', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CUSTOMERS_JA, 'utf8')]), 'UTF-8', CUSTOMERS_JA],
    ['UTF-16 LE with a BOM (Excel "Unicode text")', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(CUSTOMERS_JA, 'utf16le')]), 'UTF-16LE', CUSTOMERS_JA],
    ['UTF-16 BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(CUSTOMERS_JA, 'utf16be')]), 'UTF-16BE', CUSTOMERS_JA],
    ['Shift_JIS as Japanese Excel saves it (CP932: ①, 髙, half-width kana)', iconv.encode(CUSTOMERS_JA, 'cp932'), 'Shift_JIS', CUSTOMERS_JA],
    ['Windows-1252 as Western Excel saves it (accents, curly quotes, dash, euro)', iconv.encode(CUSTOMERS_FR, 'windows-1252'), 'Windows-1252', CUSTOMERS_FR],
    ['plain ASCII', Buffer.from('Email\r\nann@example.com\r\n'), 'UTF-8', 'Email\r\nann@example.com\r\n'],
  ])('reads %s', (_name, bytes, encoding, text) => {
    expect(decodeImportFile(file(`${encoding}.csv`, bytes))).toEqual({ encoding, text });
  });

  it('reads a short Shift_JIS file with a single Japanese word', () => {
    const text = 'Email,Plan\r\nx@example.com,ゴールド\r\n';
    expect(decodeImportFile(file('sjis-short.csv', iconv.encode(text, 'cp932')))).toEqual({ encoding: 'Shift_JIS', text });
  });

  it.each([
    ['a name in kanji', 'Email,Display name\r\nyamada@example.jp,山田 太郎\r\n', 'cp932', 'Shift_JIS'],
    ['two names and an organization', 'Email,Display name\nyamada@example.jp,山田 太郎\nsuzuki@example.jp,鈴木 花子\n', 'cp932', 'Shift_JIS'],
    ['a Western name', 'Email,Display name\r\nx@example.com,São Paulo\r\n', 'windows-1252', 'Windows-1252'],
    ['Western capitals and small letters', 'Email,Display name\r\nx@example.com,ÉLODIE Ångström\r\n', 'windows-1252', 'Windows-1252'],
  ])('reads a short file with %s in its encoding', (_name, text, codec, encoding) => {
    expect(decodeImportFile(file(`short-${codec}.csv`, iconv.encode(text, codec)))).toEqual({ encoding, text });
  });

  it.each([
    ['EUC-JP', iconv.encode('名前,メール\r\n山田太郎,yamada@example.jp\r\n東京都千代田区\r\n', 'euc-jp'), 'IMPORT_ENCODING_FOREIGN', 'The file is written in EUC-JP'],
    ['GBK', iconv.encode('姓名,邮件\r\n张伟,zhang@example.cn\r\n北京市朝阳区\r\n', 'gbk'), 'IMPORT_ENCODING_FOREIGN', 'The file is written in GB18030'],
    ['KOI8-R', iconv.encode('Имя,Почта\r\nИван Петров,ivan@example.ru\r\n', 'koi8-r'), 'IMPORT_ENCODING_FOREIGN', 'The file is written in KOI8-R'],
    ['an Excel workbook', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), 'IMPORT_SPREADSHEET_FILE', 'This is a spreadsheet workbook'],
    ['an old Excel workbook', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00]), 'IMPORT_SPREADSHEET_FILE', 'This is a spreadsheet workbook'],
    ['UTF-16 without a BOM', iconv.encode('Email\r\nann@example.com\r\n', 'utf16le'), 'IMPORT_NOT_TEXT', 'The file is not text'],
    ['nothing', Buffer.alloc(0), 'IMPORT_EMPTY_FILE', 'The file is empty'],
    ['bytes valid in neither legacy encoding', Buffer.from([0x45, 0x6d, 0x61, 0x69, 0x6c, 0x0d, 0x0a, 0x81, 0x20, 0x8d, 0x9d, 0x0d, 0x0a]), 'IMPORT_ENCODING_UNREADABLE', "The file's characters are not UTF-8"],
    ['a UTF-8 BOM before bytes that are not UTF-8', Buffer.from([0xef, 0xbb, 0xbf, 0x45, 0xff, 0xfe, 0x0a]), 'IMPORT_NOT_IN_ENCODING', 'The file is not valid UTF-8 text'],
  ])('refuses %s, saying why', (_name, bytes, reason, message) => {
    const result = refusal(() => decodeImportFile(file(`refused-${reason}.csv`, bytes))) as { reason: string; message: string };
    expect(result.reason).toBe(reason);
    expect(result.message).toContain(message);
  });

  it('reads the encoding the caller names, and refuses bytes that are not valid in it', () => {
    const sjis = file('given.csv', iconv.encode('Email,メモ\r\nx@example.com,ｱｲｳ\r\n', 'cp932'));
    expect(decodeImportFile(sjis, 'cp932')).toEqual({ encoding: 'Shift_JIS', text: 'Email,メモ\r\nx@example.com,ｱｲｳ\r\n' });
    expect(decodeImportFile(sjis, 'SHIFT_JIS').encoding).toBe('Shift_JIS');
    expect(refusal(() => decodeImportFile(sjis, 'utf-8'))).toEqual({ reason: 'IMPORT_NOT_IN_ENCODING', message: 'The file is not valid UTF-8 text: choose its encoding again, or save it as CSV UTF-8.' });
    expect(refusal(() => decodeImportFile(sjis, 'ebcdic'))).toEqual({
      reason: 'IMPORT_ENCODING_NOT_SUPPORTED',
      message: "'ebcdic' is not an encoding imports read; give one of UTF-8, UTF-16LE, UTF-16BE, Shift_JIS, Windows-1252.",
    });
  });
});

describe('readImportHeader: the header row and its delimiter', () => {
  it.each([
    ['comma', 'Email,Display name,Plan\r\nann@example.com,Ann,Gold\r\n', ',', ['Email', 'Display name', 'Plan']],
    ['semicolon (Excel in much of Europe)', 'Email;Display name;Plan\r\nann@example.com;"Lee, Ann";Gold\r\n', ';', ['Email', 'Display name', 'Plan']],
    ['tab', 'Email\tDisplay name\r\nann@example.com\tAnn\r\n', '\t', ['Email', 'Display name']],
    ['comma, with quoted semicolons and commas in names', '"Email","Notes; misc","Tier, main"\r\n', ',', ['Email', 'Notes; misc', 'Tier, main']],
    ['a quoted line break in a header cell', '"Email","Display\nname"\r\n', ',', ['Email', 'Display\nname']],
    ['a single column', 'Email\r\nann@example.com\r\n', ',', ['Email']],
    ['blank lines before the header', '\r\n\r\nEmail;Username\r\n', ';', ['Email', 'Username']],
  ])('finds %s', (_name, text, delimiter, cells) => {
    expect(readImportHeader(text)).toEqual({ delimiter, cells });
  });

  it('takes the delimiter the caller names', () => {
    expect(readImportHeader('Email;Tags,more\r\n', 'comma')).toEqual({ delimiter: ',', cells: ['Email;Tags', 'more'] });
    expect(readImportHeader('Email;Tags,more\r\n', ';').cells).toEqual(['Email', 'Tags,more']);
    expect(refusal(() => readImportHeader('Email\r\n', '|'))).toEqual({ reason: 'IMPORT_DELIMITER_NOT_SUPPORTED', message: "'|' is not a delimiter imports read; give one of comma, semicolon, tab." });
  });

  it('refuses a header that splits alike on two delimiters, and an empty text', () => {
    expect(refusal(() => readImportHeader('Email;Tags,Plan\r\n'))).toEqual({
      reason: 'IMPORT_DELIMITER_AMBIGUOUS',
      message: 'The header row splits into as many columns with comma, semicolon: give the delimiter.',
    });
    expect(refusal(() => readImportHeader('\r\n\r\n'))).toMatchObject({ reason: 'IMPORT_EMPTY_FILE' });
  });
});

describe('mapImportColumns: header cells to what they fill, through the importer visibility', () => {
  const field = (key: string, label: string, type = DetailFieldType.TEXT) =>
    Object.assign(new DetailField(), { id: `id-${key}`, key, label, type, scope: DetailFieldScope.CUSTOMER, options: [], position: 0, archived: false });
  const plan = field('plan', 'Plan', DetailFieldType.SELECT);
  const credit = field('credit_limit', 'Credit limit', DetailFieldType.NUMBER);
  // The importer may edit Plan, only view Credit limit; "Billing secret" exists but is hidden from them (so it is not here).
  const fields: ImportableField[] = [
    { field: plan, editable: true },
    { field: credit, editable: false },
  ];
  const reasons = (header: string[]) =>
    mapImportColumns('customers', header, fields).problems.map(({ position, problem }) => [position, problem.reason, problemText(problem)]);

  it('maps built-in columns and detail fields by label or key, ignoring case and spaces', () => {
    const { columns, problems } = mapImportColumns('customers', ['EMAIL', ' display  name ', 'Organization', 'plan', 'Created', 'Updated'], fields);
    expect(problems).toEqual([]);
    expect(columns.map((c) => [c.position, c.target, c.target === 'detail' ? c.field.key : null])).toEqual([
      [1, 'email', null],
      [2, 'displayName', null],
      [3, 'organizations', null],
      [4, 'detail', 'plan'],
      [5, 'ignored', null],
      [6, 'ignored', null],
    ]);
    expect(mapImportColumns('customers', ['Username', 'PLAN'], fields).columns.map((c) => c.target)).toEqual(['username', 'detail']);
  });

  it('reports a hidden field exactly like a column that matches nothing', () => {
    expect(reasons(['Email', 'Billing secret', 'Favourite colour'])).toEqual([
      [2, 'IMPORT_UNKNOWN_COLUMN', "Column 'Billing secret' matches no attribute or detail field you can see."],
      [3, 'IMPORT_UNKNOWN_COLUMN', "Column 'Favourite colour' matches no attribute or detail field you can see."],
    ]);
  });

  it('reports read-only, duplicate and unnamed columns, and a missing key column, all at once', () => {
    expect(reasons(['Display name', 'credit_limit', 'Plan', 'plan', 'display name', ''])).toEqual([
      [2, 'IMPORT_READ_ONLY_COLUMN', "Column 'credit_limit' is Credit limit, which you may view but not edit."],
      [4, 'IMPORT_DUPLICATE_COLUMN', "Columns 'Plan' and 'plan' both fill Plan."],
      [5, 'IMPORT_DUPLICATE_COLUMN', "Columns 'Display name' and 'display name' both fill Display name."],
      [6, 'IMPORT_EMPTY_COLUMN_NAME', 'Column 6 has no name in the header row.'],
      [null, 'IMPORT_MISSING_KEY_COLUMN', 'The file needs one of the columns External ID, Email, Username, to tell which record each row is.'],
    ]);
  });

  it('keys customers by External ID alone', () => {
    expect(mapImportColumns('customers', ['external id', 'Plan'], fields)).toMatchObject({ problems: [], columns: [{ target: 'externalId' }, { target: 'detail' }] });
  });

  it('reads a column as the importer chose: another target, or left out', () => {
    const choices = new Map([
      [1, 'Email'],
      [2, ''],
      [3, 'plan'],
    ]);
    const { columns, problems } = mapImportColumns('customers', ['E-mail address', 'Notes', 'Tarif', 'Billing secret'], fields, choices);
    expect(columns.map((c) => [c.position, c.header, c.target])).toEqual([
      [1, 'E-mail address', 'email'],
      [3, 'Tarif', 'detail'],
    ]);
    // An unchosen column is still read by its header; a choice of a read-only field is refused under the header as written.
    expect(problems.map((p) => [p.position, p.problem.reason])).toEqual([[4, 'IMPORT_UNKNOWN_COLUMN']]);
    expect(mapImportColumns('customers', ['Mail', 'Limit'], fields, new Map([[1, 'email'], [2, 'Credit limit']])).problems.map((p) => problemText(p.problem))).toEqual([
      "Column 'Limit' is Credit limit, which you may view but not edit.",
    ]);
  });

  it('reads an organizations header, whose key column is the name', () => {
    expect(mapImportColumns('organizations', ['organization name', 'Members'], []).problems).toEqual([]);
    // `Name`, as most tools write it, is the organization's name too (and then a second name column is a duplicate).
    expect(mapImportColumns('organizations', ['Name'], [])).toMatchObject({ problems: [], columns: [{ target: 'name' }] });
    expect(mapImportColumns('organizations', ['Name', 'Organization Name'], []).problems.map((p) => p.problem.reason)).toEqual(['IMPORT_DUPLICATE_COLUMN']);
    expect(mapImportColumns('organizations', ['Email'], []).problems.map((p) => p.problem.reason)).toEqual(['IMPORT_UNKNOWN_COLUMN', 'IMPORT_MISSING_KEY_COLUMN']);
  });

  it('reads the header of our own export back', () => {
    const exported = ['External ID', 'Display name', 'Email', 'Username', 'Organization', 'Created', 'Updated', 'Plan'];
    expect(mapImportColumns('customers', exported, [{ field: plan, editable: true }]).problems).toEqual([]);
  });
});
