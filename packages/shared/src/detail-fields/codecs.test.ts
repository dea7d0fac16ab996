import { problemText } from '../problems';
import { detailSearchText, formatDetailValue, isTextSearchable, parseDetailValue, sortKind, typeHasOptions } from './codecs';
import { DETAIL_FIELD_TYPES, MAX_TEXT_LENGTH, type DetailFieldDefinition, type DetailFieldType } from './types';

const field = (type: DetailFieldType, options: string[] = []): DetailFieldDefinition => ({ key: 'f', label: 'F', type, options });
const parse = (type: DetailFieldType, input: unknown, options?: string[]) => parseDetailValue(field(type, options), input);
const value = (type: DetailFieldType, input: unknown, options?: string[]) => {
  const result = parse(type, input, options);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to parse: ${problemText(result.problem)}`);
  return result.value;
};
const reason = (type: DetailFieldType, input: unknown, options?: string[]) => {
  const result = parse(type, input, options);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be rejected, got ${JSON.stringify(result.value)}`);
  return problemText(result.problem);
};

const TIERS = ['Bronze', 'Silver', 'Gold', 'Tokyo, Japan'];

describe('parseDetailValue: clearing', () => {
  it.each(DETAIL_FIELD_TYPES)('%s treats null, undefined, blank text and [] as clear', (type) => {
    for (const blank of [null, undefined, '', '  \u3000\u00a0\t\n', []]) expect(parse(type, blank, TIERS)).toEqual({ ok: true, value: null });
  });
});

describe('parseDetailValue: TEXT', () => {
  it('trims ASCII and unicode spaces, keeps inner line breaks and tabs', () => {
    expect(value('TEXT', '\u3000\u00a0 hello\tworld\n second line \ufeff')).toBe('hello\tworld\n second line');
    expect(value('TEXT', 'a\r\nb\rc')).toBe('a\nb\nc');
  });

  it('normalizes to NFC so composed and decomposed input store the same', () => {
    expect(value('TEXT', 'Cafe\u0301')).toBe('Caf\u00e9');
    expect(value('TEXT', 'Caf\u00e9')).toBe('Caf\u00e9');
  });

  it('normalizes every text-like type to NFC, not only TEXT', () => {
    expect(value('EMAIL', 'zoe\u0308@example.com')).toBe('zo\u00eb@example.com');
    expect(value('URL', 'https://example.com/Zoe\u0308')).toBe('https://example.com/Zo\u00eb');
    expect(value('SELECT', 'Zoe\u0308', ['Zo\u00eb'])).toBe('Zo\u00eb');
    expect(value('MULTI_SELECT', ['Zoe\u0308'], ['Zo\u00eb'])).toEqual(['Zo\u00eb']);
  });

  it('keeps emoji and formula-looking text as is', () => {
    expect(value('TEXT', '👩🏽‍💻 VIP 🇯🇵')).toBe('👩🏽‍💻 VIP 🇯🇵');
    expect(value('TEXT', '=cmd()')).toBe('=cmd()');
  });

  it('rejects control characters and broken surrogates', () => {
    for (const bad of ['a\u0000b', 'bell\u0007', 'del\u007f', 'c1\u0085x', 'lone \ud800 surrogate']) expect(reason('TEXT', bad)).toBe('must not contain control characters');
  });

  it('counts the length in code points after trimming', () => {
    expect(value('TEXT', 'x'.repeat(MAX_TEXT_LENGTH))).toHaveLength(MAX_TEXT_LENGTH);
    expect(value('TEXT', `  ${'x'.repeat(MAX_TEXT_LENGTH)}  `)).toHaveLength(MAX_TEXT_LENGTH);
    expect(value('TEXT', '😀'.repeat(MAX_TEXT_LENGTH))).toHaveLength(2 * MAX_TEXT_LENGTH); // 10,000 emoji, 20,000 UTF-16 units
    expect(reason('TEXT', 'x'.repeat(MAX_TEXT_LENGTH + 1))).toBe('must be at most 10,000 characters');
    expect(reason('TEXT', 'x'.repeat(5_000_000))).toBe('must be at most 10,000 characters');
  });

  it('does not coerce other JSON shapes', () => {
    for (const bad of [42, true, ['a'], { a: 1 }]) expect(reason('TEXT', bad)).toBe('must be text');
  });
});

describe('parseDetailValue: NUMBER', () => {
  it('accepts finite numbers and plain decimal strings, trimmed', () => {
    expect(value('NUMBER', 42)).toBe(42);
    expect(value('NUMBER', '  42 ')).toBe(42);
    expect(value('NUMBER', '-1234.50')).toBe(-1234.5);
    expect(value('NUMBER', '+.5')).toBe(0.5);
    expect(value('NUMBER', 1e21)).toBe(1e21);
    expect(value('NUMBER', 1.5e-7)).toBe(1.5e-7);
  });

  it('stores -0 as 0', () => {
    expect(Object.is(value('NUMBER', -0), 0)).toBe(true);
    expect(Object.is(value('NUMBER', '-0.0'), 0)).toBe(true);
  });

  it('rejects NaN, infinities and 1e309 (which JSON.parse turns into Infinity)', () => {
    for (const bad of [NaN, Infinity, -Infinity, JSON.parse('1e309')]) expect(reason('NUMBER', bad)).toBe('must be a finite number');
    expect(reason('NUMBER', `1${'0'.repeat(400)}`)).toBe('must be a finite number');
  });

  it('rejects exponents, hex, words and locale formats in strings', () => {
    for (const bad of ['1e3', '1E3', '0x10', 'Infinity', 'NaN', '1.', '--1', '12 apples', '½', '١٢']) expect(reason('NUMBER', bad)).toBe('must be a plain decimal number like -1234.5');
    for (const bad of ['1,234.5', '1 234', "1'234"]) expect(reason('NUMBER', bad)).toBe('must not use thousands separators (write 1234.5)');
  });

  it('limits to 15 significant digits, ignoring leading and trailing zeros', () => {
    expect(value('NUMBER', '123456789012345')).toBe(123456789012345);
    expect(value('NUMBER', '0.000123456789012345')).toBe(0.000123456789012345);
    expect(value('NUMBER', '1000000000000000000000')).toBe(1e21);
    expect(reason('NUMBER', '1234567890123456')).toBe('has more than 15 significant digits');
    expect(reason('NUMBER', 0.1 + 0.2)).toBe('has more than 15 significant digits');
    expect(reason('NUMBER', Number.MAX_SAFE_INTEGER)).toBe('has more than 15 significant digits');
  });

  it('refuses values that would not survive as the number sent', () => {
    expect(reason('NUMBER', `0.${'0'.repeat(400)}1`)).toBe('is too close to zero');
    expect(reason('NUMBER', 5e-324)).toBe('is too close to zero');
  });

  it('rejects other JSON shapes', () => {
    for (const bad of [true, [1], { n: 1 }]) expect(reason('NUMBER', bad)).toBe('must be a number');
  });
});

describe('parseDetailValue: DATE', () => {
  it('accepts real calendar dates as YYYY-MM-DD', () => {
    expect(value('DATE', '2024-02-29')).toBe('2024-02-29');
    expect(value('DATE', ' 2026-12-31 ')).toBe('2026-12-31');
    expect(value('DATE', '1000-01-01')).toBe('1000-01-01');
  });

  it('rejects impossible dates, saying why', () => {
    expect(reason('DATE', '2026-02-29')).toBe('is not a date: 2026-02 has 28 days (YYYY-MM-DD)');
    expect(reason('DATE', '2026-04-31')).toBe('is not a date: 2026-04 has 30 days (YYYY-MM-DD)');
    for (const bad of ['2026-02-30', '2025-02-29', '2026-01-00']) expect(reason('DATE', bad)).toMatch(/^is not a date: \d{4}-\d\d has \d\d days \(YYYY-MM-DD\)$/);
    expect(reason('DATE', '2026-13-01')).toBe('is not a date: there is no month 13; months go from 01 to 12 (YYYY-MM-DD)');
    expect(reason('DATE', '2026-00-10')).toBe('is not a date: there is no month 0; months go from 01 to 12 (YYYY-MM-DD)');
  });

  it('rejects other notations, timestamps included', () => {
    for (const bad of ['2026-1-5', '2026-01-05T00:00:00Z', '2026/01/05', '05.01.2026', '20260105', '+02026-01-05', 'tomorrow', 20260105, { y: 2026 }]) {
      expect(reason('DATE', bad)).toBe('must be a date as YYYY-MM-DD');
    }
    expect(reason('DATE', '0999-12-31')).toBe('must have a year from 1000 to 9999 (YYYY-MM-DD)');
  });
});

describe('parseDetailValue: SELECT', () => {
  it('matches an option ignoring case, spaces and unicode form, and stores its exact label', () => {
    expect(value('SELECT', '  gOLD ', TIERS)).toBe('Gold');
    expect(value('SELECT', 'tokyo, japan', TIERS)).toBe('Tokyo, Japan');
    expect(value('SELECT', 'Qualite\u0301', ['Qualité'])).toBe('Qualité');
  });

  it('rejects anything else', () => {
    expect(reason('SELECT', 'Platinum', TIERS)).toBe("is not one of the options: 'Bronze', 'Silver', 'Gold', 'Tokyo, Japan'");
    // A list where one option is expected says so, rather than that 'Gold' is not an option.
    expect(reason('SELECT', ['Gold'], TIERS)).toBe("must be one option as text, not a list; the options: 'Bronze', 'Silver', 'Gold', 'Tokyo, Japan'");
    expect(reason('SELECT', 1, ['1'])).toBe("is not one of the options: '1'");
  });
});

describe('parseDetailValue: MULTI_SELECT', () => {
  it('stores options in the field order, without repeats, exact labels', () => {
    expect(value('MULTI_SELECT', ['gold', 'Bronze', ' GOLD ', 'bronze'], TIERS)).toEqual(['Bronze', 'Gold']);
  });

  it('takes a single string as one option without splitting it', () => {
    expect(value('MULTI_SELECT', 'tokyo, japan', TIERS)).toEqual(['Tokyo, Japan']);
    expect(reason('MULTI_SELECT', 'Gold, Silver', TIERS)).toBe("includes 'Gold, Silver', which is not one of the options: 'Bronze', 'Silver', 'Gold', 'Tokyo, Japan'");
  });

  it('skips blank entries; only blanks means clear', () => {
    expect(value('MULTI_SELECT', ['', 'Silver', '  '], TIERS)).toEqual(['Silver']);
    expect(value('MULTI_SELECT', ['', ' '], TIERS)).toBeNull();
  });

  it('names the unknown option, cut to 40 characters', () => {
    expect(reason('MULTI_SELECT', ['Gold', 'Platinum'], TIERS)).toBe("includes 'Platinum', which is not one of the options: 'Bronze', 'Silver', 'Gold', 'Tokyo, Japan'");
    expect(reason('MULTI_SELECT', ['y'.repeat(41)], TIERS)).toBe(`includes '${'y'.repeat(40)}…', which is not one of the options: 'Bronze', 'Silver', 'Gold', 'Tokyo, Japan'`);
    expect(reason('MULTI_SELECT', ['😀'.repeat(50)], TIERS)).toBe(`includes '${'😀'.repeat(40)}…', which is not one of the options: 'Bronze', 'Silver', 'Gold', 'Tokyo, Japan'`);
  });

  it('rejects other JSON shapes', () => {
    for (const bad of [1, true, ['Gold', 1], [['Gold']], { Gold: true }]) expect(reason('MULTI_SELECT', bad, TIERS)).toBe('must be a list of options');
  });
});

describe('parseDetailValue: EMAIL, URL, PHONE, BOOLEAN, USER', () => {
  it('EMAIL: trimmed, case kept', () => {
    expect(value('EMAIL', '  Jane.Doe@Example.COM ')).toBe('Jane.Doe@Example.COM');
    // The same specific reasons as add customers.
    expect(reason('EMAIL', 'jane')).toBe('has no @ (an address looks like name@example.com)');
    expect(reason('EMAIL', 'a@b')).toMatch(/^has 'b' after the @, which is not a domain/);
    expect(reason('EMAIL', 'a b@c.io')).toBe('has a space inside the address');
    expect(reason('EMAIL', '=cmd()@x.io')).toMatch(/^has '\('/);
    expect(reason('EMAIL', 7)).toBe('must be an email address like name@example.com');
  });

  it('URL: absolute http(s) only, stored as given', () => {
    expect(value('URL', ' https://example.com/a?b=c#d ')).toBe('https://example.com/a?b=c#d');
    expect(value('URL', 'HTTP://Example.com')).toBe('HTTP://Example.com');
    expect(value('URL', 'https://例え.jp/パス')).toBe('https://例え.jp/パス');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'ftp://example.com', 'https:example.com', '//example.com', 'example.com', 'http://', 'http://[::1/']) {
      expect(reason('URL', bad)).toBe('must be a link starting with http:// or https://');
    }
    for (const bad of ['https://exa mple.com', 'https://example.com/\ta', 'https://example.com/\u0000']) expect(reason('URL', bad)).toBe('must not contain spaces or control characters');
    expect(value('URL', `https://example.com/${'a'.repeat(2028)}`)).toHaveLength(2048);
    expect(reason('URL', `https://example.com/${'a'.repeat(2029)}`)).toBe('must be at most 2,048 characters');
    expect(reason('URL', { href: 'https://example.com' })).toBe('must be a link starting with http:// or https://');
  });

  it('PHONE: digits and punctuation, optional extension, spaces collapsed', () => {
    expect(value('PHONE', '  +1 (555)   010-0199 ')).toBe('+1 (555) 010-0199');
    expect(value('PHONE', '+81 3.1234.5678 ext. 42')).toBe('+81 3.1234.5678 ext. 42');
    expect(value('PHONE', '555-0100x123')).toBe('555-0100x123');
    expect(value('PHONE', '555 0100 Extension 7')).toBe('555 0100 Extension 7');
    expect(value('PHONE', '12345')).toBe('12345');
    for (const bad of ['1-800-FLOWERS', '555+0100', '++1 555 0100', '555 0100 ext', 'x123', '+1 555 0100; DROP', 5550100]) expect(reason('PHONE', bad)).toBe('must be a phone number (digits, spaces, + ( ) . - and an optional extension)');
    expect(reason('PHONE', '1234 x5678')).toBe('must have 5 to 20 digits');
    expect(reason('PHONE', '1'.repeat(21))).toBe('must have 5 to 20 digits');
  });

  it('BOOLEAN: only true and false', () => {
    expect(value('BOOLEAN', true)).toBe(true);
    expect(value('BOOLEAN', false)).toBe(false);
    for (const bad of ['true', 'false', 1, 0, [true]]) expect(reason('BOOLEAN', bad)).toBe('must be true or false');
  });

  it('USER: a UUID, lowercased', () => {
    expect(value('USER', ' 0F8FAD5B-D9CB-469F-A165-70867728950E ')).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
    for (const bad of ['agent-1', '0f8fad5b-d9cb-469f-a165-70867728950', 42]) expect(reason('USER', bad)).toBe('must be an agent id');
  });
});

describe('formatDetailValue', () => {
  const en = { locale: 'en-US' };

  it('formats numbers and dates for the locale', () => {
    expect(formatDetailValue(field('NUMBER'), 1234567.891, en)).toBe('1,234,567.891');
    expect(formatDetailValue(field('NUMBER'), 0.000123456789012345, en)).toBe('0.000123456789012345');
    expect(formatDetailValue(field('NUMBER'), -5, { locale: 'de-DE' })).toBe('-5');
    expect(formatDetailValue(field('NUMBER'), 1234.5, { locale: 'de-DE' })).toBe('1.234,5');
    expect(formatDetailValue(field('DATE'), '2024-02-29', en)).toBe('Feb 29, 2024');
    expect(formatDetailValue(field('DATE'), '2024-02-29', { locale: 'ja-JP' })).toBe('2024/02/29');
  });

  it('keeps a date on its calendar day whatever the zone (first and last instants of the year)', () => {
    expect(formatDetailValue(field('DATE'), '2026-01-01', en)).toBe('Jan 1, 2026');
    expect(formatDetailValue(field('DATE'), '2026-12-31', en)).toBe('Dec 31, 2026');
  });

  it('falls back to a default locale for a malformed one', () => {
    expect(formatDetailValue(field('NUMBER'), 5, { locale: 'not a locale!' })).toBe('5');
  });

  it('formats booleans, users, lists and text', () => {
    expect(formatDetailValue(field('BOOLEAN'), true, en)).toBe('Yes');
    expect(formatDetailValue(field('BOOLEAN'), false, en)).toBe('No');
    expect(formatDetailValue(field('BOOLEAN'), true, { yes: 'はい', no: 'いいえ' })).toBe('はい');
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(formatDetailValue(field('USER'), id, { agentName: (agent) => (agent === id ? 'Ada Agent' : undefined) })).toBe('Ada Agent');
    expect(formatDetailValue(field('USER'), id, { agentName: () => undefined })).toBe(id);
    expect(formatDetailValue(field('USER'), id)).toBe(id);
    expect(formatDetailValue(field('MULTI_SELECT', TIERS), ['Bronze', 'Tokyo, Japan'], en)).toBe('Bronze, Tokyo, Japan');
    expect(formatDetailValue(field('TEXT'), '=cmd()', en)).toBe('=cmd()');
  });

  it('shows a value of an unexpected shape as text instead of throwing', () => {
    expect(formatDetailValue(field('DATE'), '2026-02-30', en)).toBe('2026-02-30');
    expect(formatDetailValue(field('NUMBER'), 'n/a', en)).toBe('n/a');
    expect(formatDetailValue(field('BOOLEAN'), 'false', en)).toBe('false');
  });
});

describe('search and sort traits', () => {
  it('indexes only text-like types', () => {
    expect(DETAIL_FIELD_TYPES.filter(isTextSearchable)).toEqual(['TEXT', 'SELECT', 'MULTI_SELECT', 'EMAIL', 'URL', 'PHONE']);
    expect(detailSearchText(field('TEXT'), 'Caf\u00e9')).toBe('Caf\u00e9');
    expect(detailSearchText(field('MULTI_SELECT', TIERS), ['Bronze', 'Gold'])).toBe('Bronze\nGold');
    expect(detailSearchText(field('NUMBER'), 42)).toBeNull();
    expect(detailSearchText(field('USER'), '0f8fad5b-d9cb-469f-a165-70867728950e')).toBeNull();
    expect(detailSearchText(field('TEXT'), null)).toBeNull();
  });

  it('sorts every type, selects by option position, and only selects have options', () => {
    expect(Object.fromEntries(DETAIL_FIELD_TYPES.map((type) => [type, sortKind(type)]))).toEqual({
      TEXT: 'text',
      NUMBER: 'number',
      DATE: 'date',
      SELECT: 'option',
      MULTI_SELECT: 'option',
      EMAIL: 'text',
      URL: 'text',
      PHONE: 'text',
      BOOLEAN: 'boolean',
      USER: 'text',
    });
    expect(DETAIL_FIELD_TYPES.filter(typeHasOptions)).toEqual(['SELECT', 'MULTI_SELECT']);
  });
});

describe('parseDetailValue: full-width input', () => {
  it('reads full-width digits and punctuation as ASCII where the syntax is ASCII, and keeps free text as typed', () => {
    expect(value('NUMBER', '１２３．５')).toBe(123.5);
    expect(value('NUMBER', '－４２')).toBe(-42);
    expect(value('PHONE', '０３－１２３４－５６７８')).toBe('03-1234-5678');
    expect(value('DATE', '２０２６－０３－０１')).toBe('2026-03-01');
    expect(value('EMAIL', 'ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ')).toBe('yamada@example.jp');
    expect(value('URL', 'ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｊｐ')).toBe('https://example.jp');
    expect(value('TEXT', 'Ｔｏｋｙｏ　１２３')).toBe('Ｔｏｋｙｏ　１２３');
  });
});
