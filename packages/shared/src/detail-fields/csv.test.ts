import { parseDetailValue } from './codecs';
import { detailValueToCsv, parseDetailCsv } from './csv';
import { problemText } from '../problems';
import type { DetailFieldDefinition, DetailFieldType, ParseResult, StoredDetailValue } from './types';

/** The English text of a refusal, or the result itself when accepted (so a wrong acceptance shows in the diff). */
const english = (result: ParseResult) => (result.ok ? result : problemText(result.problem));

const field = (type: DetailFieldType, options: string[] = []): DetailFieldDefinition => ({ key: 'f', label: 'F', type, options });
const REGIONS = ['EMEA', 'APAC', 'Tokyo, Japan', 'A|B', '-1 day'];

/** Export, then import: must give back the stored value. */
function roundTrip(definition: DetailFieldDefinition, value: StoredDetailValue) {
  return parseDetailCsv(definition, detailValueToCsv(definition, value));
}

describe('detailValueToCsv', () => {
  it('writes each type in its import notation', () => {
    expect(detailValueToCsv(field('TEXT'), null)).toBe('');
    expect(detailValueToCsv(field('MULTI_SELECT', REGIONS), ['EMEA', 'Tokyo, Japan'])).toBe('EMEA|Tokyo, Japan');
    expect(detailValueToCsv(field('BOOLEAN'), true)).toBe('true');
    expect(detailValueToCsv(field('BOOLEAN'), false)).toBe('false');
    expect(detailValueToCsv(field('DATE'), '2024-02-29')).toBe('2024-02-29');
    expect(detailValueToCsv(field('NUMBER'), 1234567.5)).toBe('1234567.5');
  });

  it('writes numbers without exponent, and never quotes them', () => {
    expect(detailValueToCsv(field('NUMBER'), -2)).toBe('-2');
    expect(detailValueToCsv(field('NUMBER'), 1e21)).toBe('1000000000000000000000');
    expect(detailValueToCsv(field('NUMBER'), -1.5e22)).toBe('-15000000000000000000000');
    expect(detailValueToCsv(field('NUMBER'), 1.5e-7)).toBe('0.00000015');
    expect(detailValueToCsv(field('NUMBER'), -1e-7)).toBe('-0.0000001');
  });

  it('neutralizes text a spreadsheet would run as a formula', () => {
    for (const formula of ['=cmd()', '+1', '-2', '@x', '\tx', '\rx', "'quoted"]) expect(detailValueToCsv(field('TEXT'), formula)).toBe(`'${formula}`);
    expect(detailValueToCsv(field('PHONE'), '+1 555 0100')).toBe("'+1 555 0100");
    expect(detailValueToCsv(field('MULTI_SELECT', REGIONS), ['-1 day'])).toBe("'-1 day");
    expect(detailValueToCsv(field('MULTI_SELECT', REGIONS), ['EMEA', '-1 day'])).toBe('EMEA|-1 day'); // only the cell start matters
    expect(detailValueToCsv(field('SELECT', ['=SUM(A1)']), '=SUM(A1)')).toBe("'=SUM(A1)");
    expect(detailValueToCsv(field('TEXT'), 'a=b')).toBe('a=b');
  });
});

describe('parseDetailCsv', () => {
  it('clears on an empty or blank cell', () => {
    for (const type of ['TEXT', 'NUMBER', 'BOOLEAN', 'MULTI_SELECT'] as const) expect(parseDetailCsv(field(type, REGIONS), '  ')).toEqual({ ok: true, value: null });
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    [' Yes ', true],
    ['1', true],
    ['false', false],
    ['No', false],
    ['0', false],
  ])('reads %j as the boolean %j', (cell, expected) => {
    expect(parseDetailCsv(field('BOOLEAN'), cell)).toEqual({ ok: true, value: expected });
  });

  it('rejects other booleans', () => {
    for (const bad of ['y', 'on', '2', 'vrai', 'constructor']) expect(english(parseDetailCsv(field('BOOLEAN'), bad))).toBe('must be true/false, yes/no or 1/0');
  });

  it('reads plain decimals only', () => {
    expect(parseDetailCsv(field('NUMBER'), ' -1234.5 ')).toEqual({ ok: true, value: -1234.5 });
    expect(english(parseDetailCsv(field('NUMBER'), '1,234.5'))).toBe('must not use thousands separators (write 1234.5)');
    expect(english(parseDetailCsv(field('NUMBER'), '1234,5'))).toBe('must not use thousands separators (write 1234.5)');
    expect(english(parseDetailCsv(field('NUMBER'), '1e3'))).toBe('must be a plain decimal number like -1234.5');
  });

  it('splits multi-select cells on | or , but keeps options that contain them', () => {
    const regions = field('MULTI_SELECT', REGIONS);
    expect(parseDetailCsv(regions, 'apac, emea')).toEqual({ ok: true, value: ['EMEA', 'APAC'] });
    expect(parseDetailCsv(regions, 'APAC|EMEA|apac')).toEqual({ ok: true, value: ['EMEA', 'APAC'] });
    expect(parseDetailCsv(regions, 'Tokyo, Japan|EMEA')).toEqual({ ok: true, value: ['EMEA', 'Tokyo, Japan'] });
    expect(parseDetailCsv(regions, 'a|b,tokyo, japan')).toEqual({ ok: true, value: ['Tokyo, Japan', 'A|B'] });
    expect(parseDetailCsv(regions, 'EMEA,,|APAC')).toEqual({ ok: true, value: ['EMEA', 'APAC'] });
    expect(english(parseDetailCsv(regions, 'EMEA|Mars'))).toBe("includes 'Mars', which is not one of the options: 'EMEA', 'APAC', 'Tokyo, Japan', 'A|B', '-1 day'");
  });

  it('reads text types like the API does, and dates only as YYYY-MM-DD', () => {
    expect(parseDetailCsv(field('TEXT'), '  Cafe\u0301 ')).toEqual({ ok: true, value: 'Caf\u00e9' });
    expect(parseDetailCsv(field('SELECT', REGIONS), 'emea')).toEqual({ ok: true, value: 'EMEA' });
    expect(english(parseDetailCsv(field('DATE'), '1/5/2026'))).toBe('must be a date as YYYY-MM-DD');
  });

  it("reads a file's chosen date format, and a refusal names that format (29.02.2026 never becomes 1 March)", () => {
    const dotted = { dateFormat: 'DD.MM.YYYY' } as const;
    expect(parseDetailCsv(field('DATE'), '28.02.2026', dotted)).toEqual({ ok: true, value: '2026-02-28' });
    expect(english(parseDetailCsv(field('DATE'), '29.02.2026', dotted))).toBe('is not a date: 2026-02 has 28 days (DD.MM.YYYY)');
    expect(english(parseDetailCsv(field('DATE'), '01.13.2026', dotted))).toBe('is not a date: there is no month 13; months go from 01 to 12 (DD.MM.YYYY)');
    expect(english(parseDetailCsv(field('DATE'), '2026-02-29', dotted))).toBe('is not a date: 2026-02 has 28 days (YYYY-MM-DD)');
  });

  it('keeps a leading quote our export did not add', () => {
    expect(parseDetailCsv(field('TEXT'), "'tis the season")).toEqual({ ok: true, value: "'tis the season" });
  });
});

describe('CSV round trip', () => {
  // Every case uses the REGIONS options; types without options ignore them.
  const cases: [DetailFieldType, StoredDetailValue][] = [
    ['TEXT', '=cmd()'],
    ['TEXT', '+1'],
    ['TEXT', '-2'],
    ['TEXT', '@x'],
    ['TEXT', "'quoted'"],
    ['TEXT', "''double"],
    ['TEXT', 'line one\nline two\twith tab, comma and "quotes"'],
    ['TEXT', '👩🏽‍💻 Caf\u00e9 契約'],
    ['NUMBER', -2],
    ['NUMBER', 0],
    ['NUMBER', 123456789012345],
    ['NUMBER', 1e21],
    ['NUMBER', -1.5e-7],
    ['NUMBER', 1e-300],
    ['DATE', '2024-02-29'],
    ['SELECT', '-1 day'],
    ['MULTI_SELECT', ['EMEA', 'Tokyo, Japan', 'A|B', '-1 day']],
    ['MULTI_SELECT', ['-1 day']],
    ['EMAIL', 'jane@example.com'],
    ['URL', 'https://example.com/?q=a,b|c'],
    ['PHONE', '+1 (555) 010-0199 ext. 42'],
    ['BOOLEAN', true],
    ['BOOLEAN', false],
    ['USER', '0f8fad5b-d9cb-469f-a165-70867728950e'],
  ];

  it.each(cases)('%s %j comes back unchanged', (type, stored) => {
    const definition = field(type, REGIONS);
    expect(parseDetailValue(definition, stored)).toEqual({ ok: true, value: stored }); // the case is a valid stored value
    expect(roundTrip(definition, stored)).toEqual({ ok: true, value: stored });
  });
});
