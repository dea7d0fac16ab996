/**
 * One codec per field type: how a value is validated and normalized on the
 * way in, shown on the way out, sorted and searched. The API, the CSV import
 * and the web forms all go through here so they agree on every value.
 */

import { emailProblem } from '../identifiers';
import { checkIsoDay, FIRST_YEAR } from './dates';
import { MAX_SIGNIFICANT_DIGITS, MIN_NORMAL, PLAIN_DECIMAL, significantDigits } from './numbers';
import { shownOptions, type ProblemReason } from '../problems';
import { fitsLength, foldCase, foldWidth, hasControlCharacters, normalizeText, quote } from './text';
import { fail, MAX_TEXT_LENGTH, ok, type DetailFieldDefinition, type DetailFieldType, type ParseResult, type StoredDetailValue } from './types';

/** 'option': by the option's position in the field's list (multi-select: its first chosen option's). */
type SortKind = 'text' | 'number' | 'date' | 'boolean' | 'option';
type FormatOptions = { locale?: string; agentName?: (id: string) => string | undefined; yes?: string; no?: string };

interface Codec {
  /** Gets a non-blank input of any JSON shape. */
  parse(input: unknown, field: DetailFieldDefinition): ParseResult;
  /** Absent: the stored text as is (lists joined). */
  format?(value: StoredDetailValue, opts: FormatOptions): string;
  sort: SortKind;
  /** Whether substring search looks at it; numbers, dates, flags and ids would only match by accident. */
  searchable: boolean;
  hasOptions: boolean;
}

/** Most types arrive as text: check the shape once, then parse the trimmed NFC text (every text-like type, so stored values and searches agree). */
function fromText(expected: ProblemReason, parse: (text: string, field: DetailFieldDefinition) => ParseResult): Codec['parse'] {
  return (input, field) => (typeof input === 'string' ? parse(normalizeText(input.trim()), field) : fail(expected));
}

/** For types with an ASCII syntax: full-width forms typed by Japanese input methods read as ASCII ('１２３' is 123). */
function fromAsciiText(expected: ProblemReason, parse: (text: string) => ParseResult): Codec['parse'] {
  return fromText(expected, (text) => parse(foldWidth(text).trim()));
}

function parseText(text: string): ParseResult {
  // Browsers and spreadsheets on Windows send CRLF; one line-break form keeps equality and diffs honest.
  const lines = text.replace(/\r\n?/g, '\n');
  if (hasControlCharacters(lines, true)) return fail('CONTROL_CHARACTERS');
  return fitsLength(lines, MAX_TEXT_LENGTH) ? ok(lines) : fail('TOO_LONG', { max: MAX_TEXT_LENGTH });
}

/** `written` is the decimal text the value came from, to count the digits the sender meant. */
function checkNumber(n: number, written: string): ParseResult {
  const digits = significantDigits(written);
  if (digits > MAX_SIGNIFICANT_DIGITS) return fail('TOO_MANY_DIGITS', { max: MAX_SIGNIFICANT_DIGITS });
  if (!Number.isFinite(n)) return fail('NOT_FINITE');
  // Subnormals lose digits, and '0.000…1' with 400 zeros even parses to 0: refuse rather than store another number.
  if (digits > 0 && Math.abs(n) < MIN_NORMAL) return fail('TOO_CLOSE_TO_ZERO');
  return ok(n === 0 ? 0 : n); // -0 would come back from JSONB as 0 anyway
}

function parseNumber(input: unknown): ParseResult {
  if (typeof input === 'number') return checkNumber(input, String(input));
  if (typeof input !== 'string') return fail('NOT_A_NUMBER');
  const text = foldWidth(input).trim();
  if (PLAIN_DECIMAL.test(text)) return checkNumber(Number(text), text);
  return fail(/\d[,\s']\d/.test(text) ? 'THOUSANDS_SEPARATORS' : 'NOT_PLAIN_DECIMAL');
}

/** How the API and the codecs write a date. */
const ISO_DATE_FORMAT = 'YYYY-MM-DD';

function parseDate(text: string): ParseResult {
  const day = checkIsoDay(text);
  if (day.ok) return ok(day.day);
  const { problem } = day;
  switch (problem.kind) {
    case 'format':
      return fail('NOT_ISO_DATE');
    // `format`: how the value was written (a CSV import's chosen format replaces it, see csv.ts readDate).
    case 'year':
      return fail('YEAR_OUT_OF_RANGE', { min: String(FIRST_YEAR), format: ISO_DATE_FORMAT }); // a year, not a quantity: never '1,000'
    case 'month':
      return fail('NOT_CALENDAR_MONTH', { month: problem.month, format: ISO_DATE_FORMAT });
    case 'day':
      return fail('NOT_CALENDAR_DATE', { year: String(problem.year), month: String(problem.month).padStart(2, '0'), lastDay: problem.lastDay, format: ISO_DATE_FORMAT });
  }
}

/** Option labels by case-folded text. */
function optionIndex(options: readonly string[]): Map<string, number> {
  return new Map(options.map((option, position) => [foldCase(option), position]));
}

function parseSelect(text: string, field: DetailFieldDefinition): ParseResult {
  const position = optionIndex(field.options).get(foldCase(text));
  return position === undefined ? fail('NOT_AN_OPTION', { options: shownOptions(field.options) }) : ok(field.options[position]);
}

function parseMultiSelect(input: unknown, field: DetailFieldDefinition): ParseResult {
  // A lone string is one option, never split: commas are legal inside options. Splitting is CSV's job.
  const items = typeof input === 'string' ? [input] : input;
  if (!Array.isArray(items) || !items.every((item) => typeof item === 'string')) return fail('NOT_A_LIST_OF_OPTIONS');
  const index = optionIndex(field.options);
  const chosen = new Set<number>();
  for (const item of items) {
    const text = normalizeText(item.trim());
    if (text === '') continue; // 'a||b' in a cell, or an emptied row in a form
    const position = index.get(foldCase(text));
    if (position === undefined) return fail('OPTION_NOT_FOUND', { option: quote(text), options: shownOptions(field.options) });
    chosen.add(position);
  }
  // Option order, not pick order, so equal selections are equal JSON (diffs, history, unchanged re-imports).
  return ok(chosen.size === 0 ? null : [...chosen].sort((a, b) => a - b).map((position) => field.options[position]));
}

const MAX_URL_LENGTH = 2048;

function parseUrl(text: string): ParseResult {
  if (text.length > MAX_URL_LENGTH) return fail('TOO_LONG', { max: MAX_URL_LENGTH });
  // new URL() quietly drops tabs and newlines and encodes spaces; what is stored must be what gets clicked.
  if (/[\s\p{Cc}]/u.test(text)) return fail('URL_SPACES');
  // The explicit '//' also refuses 'https:example.com', which a browser would resolve as a relative link.
  if (!/^https?:\/\//i.test(text) || !parsesAsUrl(text)) return fail('NOT_HTTP_URL');
  return ok(text);
}

function parsesAsUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

// A leading '+', then digits and the usual punctuation, then an optional
// extension ('x123', 'ext. 123', 'extension 123').
const PHONE = /^(\+?[\d ().-]+?) ?(?:(?:x|ext\.?|extension) ?\d{1,10})?$/i;
const PHONE_MIN_DIGITS = 5; // shortest real numbers are internal/short codes
const PHONE_MAX_DIGITS = 20; // E.164 allows 15; room for trunk and exit prefixes

function parsePhone(text: string): ParseResult {
  const phone = text.replace(/\s+/g, ' ');
  const number = PHONE.exec(phone)?.[1];
  if (number === undefined) return fail('NOT_PHONE');
  const digits = number.replace(/\D/g, '').length;
  if (digits < PHONE_MIN_DIGITS || digits > PHONE_MAX_DIGITS) return fail('PHONE_DIGITS', { min: PHONE_MIN_DIGITS, max: PHONE_MAX_DIGITS });
  return ok(phone);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Intl formatters are costly to build and a list page formats hundreds of
 * values, so one per locale is kept. Locales come from requests, hence the
 * cap; a malformed one falls back to the runtime default instead of failing
 * a whole page.
 */
function perLocale<T>(make: (locale: string | undefined) => T): (locale: string | undefined) => T {
  const cache = new Map<string | undefined, T>();
  return (locale) => {
    let formatter = cache.get(locale);
    if (formatter === undefined) {
      try {
        formatter = make(locale);
      } catch {
        formatter = make(undefined);
      }
      if (cache.size >= 32) cache.clear();
      cache.set(locale, formatter);
    }
    return formatter;
  };
}

// Stored numbers have at most 15 significant digits; the default of 3 fraction digits would hide some.
const numberFormat = perLocale((locale) => new Intl.NumberFormat(locale, { maximumSignificantDigits: MAX_SIGNIFICANT_DIGITS }));
// UTC on both sides: a stored date is a calendar day, not an instant, and must not shift with the viewer's zone.
const dateFormat = perLocale((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }));

// The formatters tolerate a value of another shape (data written before a
// change, a hand-edited row) and show it as text rather than throw.
function plain(value: StoredDetailValue): string {
  return Array.isArray(value) ? value.join(', ') : String(value);
}

const CODECS: Record<DetailFieldType, Codec> = {
  TEXT: { parse: fromText('NOT_TEXT', parseText), sort: 'text', searchable: true, hasOptions: false },
  NUMBER: {
    parse: parseNumber,
    format: (value, { locale }) => (typeof value === 'number' ? numberFormat(locale).format(value) : plain(value)),
    sort: 'number',
    searchable: false,
    hasOptions: false,
  },
  DATE: {
    parse: fromAsciiText('NOT_ISO_DATE', parseDate),
    format: (value, { locale }) => {
      const day = typeof value === 'string' ? checkIsoDay(value) : null;
      return day?.ok ? dateFormat(locale).format(day.utcMidnight) : plain(value);
    },
    sort: 'date',
    searchable: false,
    hasOptions: false,
  },
  SELECT: {
    parse: (input, field) =>
      typeof input === 'string'
        ? parseSelect(normalizeText(input.trim()), field)
        : fail(Array.isArray(input) ? 'NOT_SINGLE_OPTION' : 'NOT_AN_OPTION', { options: shownOptions(field.options) }),
    sort: 'option',
    searchable: true,
    hasOptions: true,
  },
  MULTI_SELECT: { parse: parseMultiSelect, sort: 'option', searchable: true, hasOptions: true },
  EMAIL: {
    // The same specific reasons as add customers ('has nothing after the @').
    parse: fromAsciiText('NOT_EMAIL', (text) => {
      const refusal = emailProblem(text);
      return refusal ? { ok: false, problem: refusal } : ok(text);
    }),
    sort: 'text',
    searchable: true,
    hasOptions: false,
  },
  URL: { parse: fromAsciiText('NOT_HTTP_URL', parseUrl), sort: 'text', searchable: true, hasOptions: false },
  PHONE: { parse: fromAsciiText('NOT_PHONE', parsePhone), sort: 'text', searchable: true, hasOptions: false },
  BOOLEAN: {
    // Only real booleans: the API has a JSON type for them, and 'false' being truthy is a classic bug.
    parse: (input) => (typeof input === 'boolean' ? ok(input) : fail('NOT_BOOLEAN')),
    format: (value, { yes = 'Yes', no = 'No' }) => (typeof value === 'boolean' ? (value ? yes : no) : plain(value)),
    sort: 'boolean',
    searchable: false,
    hasOptions: false,
  },
  USER: {
    parse: fromText('NOT_AGENT_ID', (text) => (UUID.test(text) ? ok(text.toLowerCase()) : fail('NOT_AGENT_ID'))),
    format: (value, { agentName }) => agentName?.(plain(value)) ?? plain(value),
    sort: 'text',
    searchable: false,
    hasOptions: false,
  },
};

function isBlank(input: unknown): boolean {
  return input === null || input === undefined || (typeof input === 'string' && input.trim() === '') || (Array.isArray(input) && input.length === 0);
}

/** Validates and normalizes a value sent through the API or a form. null, undefined, '' (after trim) and [] mean "clear" → { ok: true, value: null }. */
export function parseDetailValue(field: DetailFieldDefinition, input: unknown): ParseResult {
  return isBlank(input) ? ok(null) : CODECS[field.type].parse(input, field);
}

/**
 * The same rules and reasons for a value that is not a detail field's, e.g.
 * a request's description (TEXT) or external link (URL). Only types without
 * options: a select needs its field's option list.
 */
export function parseValueOfType(type: Exclude<DetailFieldType, 'SELECT' | 'MULTI_SELECT'>, input: unknown): ParseResult {
  return parseDetailValue({ key: '', label: '', type, options: [] }, input);
}

/**
 * Human text for a stored value (the `displayValue`): numbers and dates for
 * the locale, booleans as yes/no labels, agents by name when known, options
 * joined with ', '.
 */
export function formatDetailValue(field: DetailFieldDefinition, value: StoredDetailValue, opts: FormatOptions = {}): string {
  return (CODECS[field.type].format ?? plain)(value, opts);
}

export function isTextSearchable(type: DetailFieldType): boolean {
  return CODECS[type].searchable;
}

/**
 * The text indexed for substring search, or null when the type is not
 * text-like. Options are joined by a line break, which nobody types into a
 * search box, so a query never matches across two options.
 */
export function detailSearchText(field: DetailFieldDefinition, value: StoredDetailValue | null): string | null {
  if (value === null || !isTextSearchable(field.type)) return null;
  return Array.isArray(value) ? value.join('\n') : String(value);
}

/**
 * How a field sorts. Selects sort by option position (the order the admin
 * set, as the reference product does), not alphabetically; a multi-select by
 * its first chosen option, since stored lists keep option order.
 */
export function sortKind(type: DetailFieldType): SortKind {
  return CODECS[type].sort;
}

export function typeHasOptions(type: DetailFieldType): boolean {
  return CODECS[type].hasOptions;
}
