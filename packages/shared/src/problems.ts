/**
 * Why an input was refused, as data: a stable `reason` and its `params`.
 * The API sends both in every domain error's `extensions` (and in per-row
 * results such as add-customers and import reports); the web app renders
 * them through i18n (`problems.<REASON>` in its locale files), partner tools
 * read the English message the API builds from the same template here.
 *
 * Params are plain JSON: text, numbers, lists (joined for display), a nested
 * problem (the cause inside a wrapper such as INVALID_DETAIL_VALUE), or
 * under the key `entity` one of ENTITIES (a translatable noun).
 */

import { quote } from './detail-fields/text';

/** Nouns a problem may name through its `entity` param. */
export const ENTITIES = {
  CUSTOMER: 'customer',
  ORGANIZATION: 'organization',
  AGENT: 'agent',
  TEAM: 'team',
  DETAIL_FIELD: 'detail field',
  API_TOKEN: 'API token',
  NOTE: 'note',
  REQUEST: 'request',
  PRODUCT: 'product',
  ENTITLEMENT: 'entitlement',
  IMPORT: 'import',
} as const;
export type Entity = keyof typeof ENTITIES;

/**
 * English templates, `{{param}}` placeholders (i18next's syntax, so the web
 * locale files use the same names). Value problems read after a value:
 * "'2026-02-30' is not a calendar date".
 */
export const PROBLEM_TEXT = {
  // Detail values, as the shared codecs refuse them.
  NOT_TEXT: 'must be text',
  CONTROL_CHARACTERS: 'must not contain control characters',
  TOO_LONG: 'must be at most {{max}} characters',
  NOT_A_NUMBER: 'must be a number',
  NOT_FINITE: 'must be a finite number',
  TOO_MANY_DIGITS: 'has more than {{max}} significant digits',
  TOO_CLOSE_TO_ZERO: 'is too close to zero',
  THOUSANDS_SEPARATORS: 'must not use thousands separators (write 1234.5)',
  NOT_PLAIN_DECIMAL: 'must be a plain decimal number like -1234.5',
  NOT_ISO_DATE: 'must be a date as YYYY-MM-DD',
  NOT_DATE_IN_FORMAT: 'must be a date as YYYY-MM-DD or {{format}}',
  YEAR_OUT_OF_RANGE: 'must have a year from {{min}} to 9999 ({{format}})',
  NOT_CALENDAR_DATE: 'is not a date: {{year}}-{{month}} has {{lastDay}} days ({{format}})',
  NOT_CALENDAR_MONTH: 'is not a date: there is no month {{month}}; months go from 01 to 12 ({{format}})',
  NOT_AN_OPTION: 'is not one of the options: {{options}}',
  OPTION_NOT_FOUND: 'includes {{option}}, which is not one of the options: {{options}}',
  NOT_A_LIST_OF_OPTIONS: 'must be a list of options',
  NOT_SINGLE_OPTION: 'must be one option as text, not a list; the options: {{options}}',
  NOT_EMAIL: 'must be an email address like name@example.com',
  URL_SPACES: 'must not contain spaces or control characters',
  NOT_HTTP_URL: 'must be a link starting with http:// or https://',
  NOT_PHONE: 'must be a phone number (digits, spaces, + ( ) . - and an optional extension)',
  PHONE_DIGITS: 'must have {{min}} to {{max}} digits',
  NOT_BOOLEAN: 'must be true or false',
  NOT_CSV_BOOLEAN: 'must be true/false, yes/no or 1/0',
  NOT_AGENT_ID: 'must be an agent id',
  NOT_AN_AGENT: 'is not an agent of this help desk',
  // Names (labels, options).
  EMPTY: 'must not be empty',
  NO_OPTIONS: 'must have at least one option',
  TOO_MANY_OPTIONS: 'must have at most {{max}} options',
  OPTION_INVALID: 'option {{option}} {{problem}}',
  OPTION_EMPTY: 'option number {{position}} must not be empty',
  OPTION_REPEATS: 'option {{option}} repeats {{earlier}} (options must differ beyond upper and lower case)',
  // Identifiers (add customers, customer edits).
  EMAIL_HAS_SPACE: 'has a space inside the address',
  EMAIL_NO_DOMAIN: 'has nothing after the @',
  EMAIL_NO_AT: 'has no @ (an address looks like name@example.com)',
  EMAIL_NO_LOCAL_PART: 'has nothing before the @',
  EMAIL_TWO_AT: 'has more than one @',
  EMAIL_BAD_DOMAIN: 'has {{domain}} after the @, which is not a domain like example.com',
  EMAIL_BAD_CHARACTER: 'has {{character}}, which an address cannot contain',
  EMAIL_TOO_LONG: 'is longer than {{max}} characters',
  EMAIL_LOCAL_TOO_LONG: 'has more than {{max}} characters before the @',
  EMAIL_MISPLACED_DOT: 'has a dot at the start or end of the part before the @, or two dots in a row',
  INVISIBLE_CHARACTER: 'contains the invisible character {{character}}',
  USERNAME_BAD_CHARACTER: 'has {{character}}; a username may use letters, digits, dots, dashes and underscores',
  USERNAME_TOO_LONG: 'is longer than {{max}} characters',
  USERNAME_BAD_START: 'must start with a letter or a digit',
  NOT_NAME_ADDR: 'is not written as name@example.com or as Name <name@example.com>',
  // Domain errors: the whole sentence.
  INVALID_DETAIL_VALUE: '{{label}}: {{value}} {{problem}}',
  INVALID_FILTER_VALUE: 'Filter on {{label}}: {{value}} {{problem}}',
  INVALID_IDENTIFIER: '{{value}} {{problem}}',
  INVALID_LABEL: 'The label {{problem}}',
  INVALID_OPTIONS: 'The options: {{problem}}',
  UNKNOWN_DETAIL_FIELD: "Unknown detail field: '{{key}}'",
  DETAIL_FIELD_READ_ONLY: 'You may view but not edit {{label}}',
  DETAIL_FIELD_GIVEN_TWICE: '{{label}} is given twice',
  DETAIL_FILTER_ONE_TEST: 'Filter on {{label}}: give one of equals, contains or isEmpty',
  DETAIL_FILTER_CONTAINS_TEXT_ONLY: 'Filter on {{label}}: contains works on text-like fields only',
  DETAIL_FIELD_LABEL_TAKEN: 'A field labelled {{label}} already exists here',
  FIELD_TYPE_HAS_NO_OPTIONS: 'A field of type {{type}} has no options',
  OPTION_RENAME_UNKNOWN: '{{option}} is not an option of this field',
  POSITION_OUT_OF_RANGE: 'The position must be between 0 and {{max}}',
  EDIT_WIDER_THAN_VIEW: 'Every agent could edit a field not every agent may view: the edit audience must be within the view audience',
  EDIT_TEAM_CANNOT_VIEW: 'Team {{team}} may edit but not view: the edit audience must be within the view audience',
  INVALID_FIELD_VALUE: '{{field}}: {{value}} {{problem}}',
  REPORTER_NOT_IN_ORGANIZATION: 'The reporter is not a member of {{organization}}: a request can be filed only under one of its reporter\'s organizations',
  DETAIL_SCOPE_NOT_STORED: 'Detail values of scope {{scope}} cannot be stored yet',
  ONE_DETAIL_OWNER: 'Give exactly one of customerId, organizationId or entitlementId',
  NOT_FOUND: 'No {{entity}} has the id {{id}}',
  UNKNOWN_ID: '{{field}} contains an id that does not exist: {{id}}',
  UNKNOWN_IDS: '{{field}} contains an id that does not exist',
  STALE_VERSION: 'This {{entity}} was changed by someone else (now version {{current}}, you edited version {{expected}}). Reload and try again.',
  NAME_TAKEN: 'Another {{entity}} is already named {{name}}',
  NAME_EMPTY: 'The name must not be empty',
  NOT_CLEARABLE: '{{field}} cannot be cleared: leave it out to keep it as it is',
  EMAIL_TAKEN: 'Another {{entity}} already has the email {{email}}',
  CUSTOMER_IDENTIFIER_TAKEN: 'Another customer already has the {{field}} {{value}}',
  EXTERNAL_ID_TAKEN: 'Another {{entity}} already has the external ID {{value}}',
  CUSTOMER_NEEDS_IDENTIFIER: 'A customer needs an email or a username',
  NO_IDENTIFIERS: 'Enter at least one email or username',
  ORGANIZATION_BOTH_GIVEN: 'Give either organizationId or newOrganizationName, not both',
  CANNOT_DEMOTE_SELF: 'You cannot deactivate yourself or remove your own admin role',
  TOKEN_ROLE_TOO_HIGH: 'A token cannot have a higher role than yours',
  TOKEN_TEAMS_NOT_YOURS: 'A token can only be given teams you belong to',
  PERMISSION_MISSING: 'This needs the {{permission}} permission, which your role does not have',
  NOT_ALLOWED: 'You are not allowed to do this',
  SIGN_IN_FIRST: 'Sign in first',
  WRONG_CREDENTIALS: 'Wrong email or password',
  TOO_MANY_SIGN_INS: 'Too many failed sign-ins. Try again in {{retryAfterSeconds}} seconds.',
  INVALID_NOTE_BODY: 'The note {{problem}}',
  ONE_NOTE_OWNER: 'Give exactly one of customerId or organizationId',
  NOTE_NOT_YOURS: 'This note was written by {{author}}: only its author or an admin may change or delete it',
  ONE_ENTITLEMENT_OWNER: 'Give exactly one of customerId or organizationId: an entitlement belongs to a customer or to an organization',
  PRODUCT_ARCHIVED: '{{name}} is archived: restore it in Settings → Products before granting it',
  ENTITLEMENT_EXISTS: '{{owner}} is already entitled to {{product}}',
  NOTE_NEEDS_AGENT: 'Notes are written by agents, and this API token has no agent behind it',
  BAD_CURSOR: 'after is not a cursor of this list in this order',
  PAGE_SIZE: 'first must be between 0 and {{max}}',
  FIELD_LENGTH: '{{field}} must have {{min}} to {{max}} characters',
  FIELD_TOO_LONG: '{{field}} must be at most {{max}} characters',
  FIELD_TOO_SHORT: '{{field}} must have at least {{min}} characters',
  TOO_MANY_ITEMS: '{{field}} may have at most {{max}} items',
  FIELD_NOT_EMAIL: '{{field}} must be an email address like name@example.com',
  INVALID_INPUT: '{{field}}: {{constraint}}',
  // Operation limits (refused before anything runs).
  QUERY_TOO_DEEP: 'Query too deep: the depth limit is {{limit}}, this query nests {{found}} levels.',
  QUERY_TOO_COSTLY: 'Query too costly: the cost limit is {{limit}}, this query costs {{found}}. Ask for smaller pages or fewer nested lists.',
  TOO_MANY_ALIASES: 'Too many aliases: the limit is {{limit}}, this query has {{found}}.',
  TOO_MANY_DIRECTIVES: 'Too many directives: the limit is {{limit}}, this query has {{found}}.',
  TOO_MANY_TOKENS: 'Query too large: the limit is {{limit}} tokens.',
  BODY_NOT_JSON: 'The request body is not valid JSON.',
  ARGUMENT_NOT_JSON: 'The argument {{argument}} is not valid JSON.',
  // Import files, refused before any row is read.
  IMPORT_SPREADSHEET_FILE: 'This is a spreadsheet workbook, not a CSV file: in Excel choose Save As, then CSV UTF-8, and import that file.',
  IMPORT_NOT_TEXT: 'The file is not text (it holds binary data): import a CSV file.',
  IMPORT_EMPTY_FILE: 'The file is empty: it needs a header row naming its columns.',
  IMPORT_ENCODING_FOREIGN: 'The file is written in {{encoding}}, which imports do not read: save it as CSV UTF-8 and import that file.',
  IMPORT_ENCODING_UNREADABLE: "The file's characters are not UTF-8, UTF-16 with a byte order mark, Shift_JIS or Windows-1252: save it as CSV UTF-8 and import that file.",
  IMPORT_ENCODING_NOT_SUPPORTED: '{{encoding}} is not an encoding imports read; give one of {{supported}}.',
  IMPORT_NOT_IN_ENCODING: 'The file is not valid {{encoding}} text: choose its encoding again, or save it as CSV UTF-8.',
  IMPORT_DELIMITER_NOT_SUPPORTED: '{{delimiter}} is not a delimiter imports read; give one of {{supported}}.',
  IMPORT_DELIMITER_AMBIGUOUS: 'The header row splits into as many columns with {{delimiters}}: give the delimiter.',
  IMPORT_EMPTY_COLUMN_NAME: 'Column {{position}} has no name in the header row.',
  IMPORT_UNKNOWN_COLUMN: 'Column {{column}} matches no attribute or detail field you can see.',
  IMPORT_READ_ONLY_COLUMN: 'Column {{column}} is {{label}}, which you may view but not edit.',
  IMPORT_DUPLICATE_COLUMN: 'Columns {{first}} and {{column}} both fill {{target}}.',
  IMPORT_MISSING_KEY_COLUMN: 'The file needs one of the columns {{columns}}, to tell which record each row is.',
  IMPORT_OPTION_NOT_SUPPORTED: '{{option}} {{value}} is not supported; give one of {{supported}}.',
  IMPORT_FILE_TOO_LARGE: 'The file is larger than {{max}} MB: split it into smaller files.',
  IMPORT_TOO_MANY_ROWS: 'One call imports at most {{max}} rows; send the rest in further calls.',
  IDEMPOTENCY_KEY_TOO_LONG: 'The Idempotency-Key header has {{length}} characters; it may have at most {{max}}.',
  IMPORT_ROW_NOT_OBJECT: 'Row {{row}} is not an object of column names and values.',
  IMPORT_HEADER_REFUSED: 'Nothing was imported: problems in the header row: {{count}} (see the errors on line 1).',
  IMPORT_ROWS_FAILED: 'Nothing was imported: {{count}} rows have problems. Fix them, or choose to skip rows with problems.',
  IMPORT_UNTERMINATED_QUOTE: 'Line {{line}}: a quoted cell starts here and is never closed (a closing " is missing), so nothing was imported.',
  IMPORT_MISPLACED_QUOTE: 'Line {{line}}: a quoted cell has more text after its closing quote, so nothing was imported.',
  IMPORT_RECORD_TOO_LARGE: 'Line {{line}}: the row is longer than {{max}} characters, more than any row can hold, so nothing was imported.',
  IMPORT_MALFORMED_CSV: 'Line {{line}} cannot be read as CSV, so nothing was imported.',
  IMPORT_NOT_IN_ENCODING_AT: 'The file is not valid {{encoding}} text (line {{line}}), so nothing was imported: choose its encoding again, or save it as CSV UTF-8.',
  IMPORT_INTERRUPTED: 'The import stopped at an unexpected error (error id {{errorId}}) after writing {{written}} rows.',
  IMPORT_ROW_CELL_COUNT: 'The row has {{found}} cells where the header has {{expected}}.',
  IMPORT_INVALID_CELL: '{{column}}: {{value}} {{problem}}',
  IMPORT_REPEATED_ROW: '{{column}} {{value}} is also on line {{firstLine}}: each record may appear only once in a file.',
  IMPORT_ROW_NEEDS_IDENTIFIER: 'No customer matches this row, and a new customer needs an Email or Username.',
  IMPORT_ROW_NEEDS_NAME: 'No organization matches this row, and a new organization needs an Organization Name.',
  IMPORT_SAME_RECORD_AS_LINE: 'This row matches the same record as line {{firstLine}}: each record may appear only once in a file.',
  IMPORT_IMPORTER_GONE: 'The import stopped: the agent or API token that started it can no longer sign in.',
  IMPORT_IDENTIFIER_TAKEN: '{{column}} {{value}} already belongs to another record than the one this row matches.',
  IMPORT_COLUMN_HIDDEN: 'Column {{column}}: you may no longer view this field, so the problem is not shown.',
  BODY_TOO_LARGE: 'The request body is larger than the limit of {{size}}.',
} as const;

export type ProblemReason = keyof typeof PROBLEM_TEXT;
export type ProblemParam = string | number | boolean | readonly string[] | Problem;
export interface Problem {
  reason: ProblemReason;
  params: Readonly<Record<string, ProblemParam>>;
}

export const PROBLEM_REASONS = Object.keys(PROBLEM_TEXT) as ProblemReason[];

export function problem(reason: ProblemReason, params: Record<string, ProblemParam> = {}): Problem {
  return { reason, params };
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as Problem).reason === 'string' && (value as Problem).reason in PROBLEM_TEXT;
}

/**
 * A refused value as a param: quoted and cut to 40 code points, with
 * invisible characters spelled out (`<U+200B>`), so a person can see what
 * was sent. Lists show as their items joined by ', '.
 */
export function shownValue(value: unknown): string {
  if (Array.isArray(value)) return quote(value.map(String).join(', '));
  if (typeof value === 'string') return quote(value);
  return JSON.stringify(value) ?? String(value);
}

/** Options shown in a message: at most 20, each quoted, then '…' (a select may have 500). */
export function shownOptions(options: readonly string[]): string[] {
  // Quoted, because option labels may contain the ', ' that joins them.
  const shown = options.slice(0, 20).map(quote);
  return options.length > 20 ? [...shown, '…'] : shown;
}

/** Placeholders `{{name}}` of a template, for the locale-file consistency test. */
export function templateParams(template: string): string[] {
  return [...template.matchAll(/\{\{(\w+)(?:,[^}]*)?\}\}/g)].map((match) => match[1]).sort();
}

/** The English sentence for a problem (what the API puts in `message`); numbers grouped as 10,000. */
export function problemText(p: Problem): string {
  return PROBLEM_TEXT[p.reason].replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = p.params[name];
    if (value === undefined) return '';
    if (name === 'entity' && typeof value === 'string' && value in ENTITIES) return ENTITIES[value as Entity];
    if (isProblem(value)) return problemText(value);
    if (Array.isArray(value)) return value.join(', ');
    return typeof value === 'number' ? value.toLocaleString('en-US') : String(value);
  });
}

/**
 * A language's lookup: i18next's `t` bound to it (the web app's, or the
 * API's for files it writes in the caller's language), given a key such as
 * `problems.<REASON>` and the template's params (plus `defaultValue` for a
 * key the language may lack).
 */
export type ProblemTranslate = (key: string, options: Record<string, unknown>) => string;

/**
 * A problem in `t`'s language: the template is `problems.<REASON>`; nested
 * problems are translated first, lists joined with the language's separator
 * (`problems.listSeparator`), `entity` params become nouns
 * (`problems.entities.<ENTITY>`) and `field` params the input's name
 * (`problems.fields.<field>`, an unlisted one staying as it is).
 */
export function translateProblem(t: ProblemTranslate, p: Problem): string {
  const params: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(p.params)) {
    if (isProblem(value)) params[name] = translateProblem(t, value);
    else if (Array.isArray(value)) params[name] = value.join(t('problems.listSeparator', {}));
    else if (name === 'entity') params[name] = t(`problems.entities.${value as string}`, { defaultValue: String(value) });
    else if (name === 'field' && typeof value === 'string' && value !== '') params[name] = t(`problems.fields.${value}`, { defaultValue: value });
    else params[name] = value as string | number | boolean;
  }
  // Each language's templates are checked to take the English one's params by a test (problems.test.ts).
  return t(`problems.${p.reason}`, params);
}

/**
 * The English locale resources with the problem texts and entity nouns of
 * this file (PROBLEM_TEXT, ENTITIES) put in: the locale file holds only the
 * rest of `problems`, so the English a person reads is the API's own
 * `message`, not a copy that could drift.
 */
export function withEnglishProblems<T extends { problems?: object }>(english: T): T & { problems: typeof PROBLEM_TEXT & { entities: typeof ENTITIES } } {
  return { ...english, problems: { ...english.problems, ...PROBLEM_TEXT, entities: ENTITIES } };
}
