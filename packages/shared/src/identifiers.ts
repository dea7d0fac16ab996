/**
 * How "add customers" reads what an agent pastes: emails (bare, or as a mail
 * client copies them: `"Dubois, Pierre" <pierre.dubois@example.org>`) and
 * usernames, separated by commas, semicolons or new lines. Shared so the web
 * dialog previews exactly what the API will do, with the same reasons.
 *
 * Rules (DESIGN.md, "Customers and organizations"):
 * - the whole paste is NFC-normalized first;
 * - a comma or semicolon inside a quoted name or a (comment) does not
 *   separate; a line break always does;
 * - an entry with a name, quotes or angle brackets is read by the RFC 5322
 *   grammar of the `email-addresses` package (its name becomes the new
 *   customer's display name); a bare entry is an address if it has an @,
 *   else a username;
 * - invisible characters that copying carries along (REMOVABLE) are removed
 *   from the entry's edges, from addresses and from usernames, which can
 *   never contain them; any other invisible character is refused and named
 *   (`<U+2062>`);
 * - an address must also be one mail can reach: a dotted ASCII domain, no
 *   quoted local part, at most 64 characters before the @ and 254 in all
 *   (RFC 5321 §4.5.3.1, counted in code points).
 */

import addresses from 'email-addresses';
import { codePointName, fitsLength, foldCase, foldWidth, hasControlCharacters, normalizeText } from './detail-fields/text';
import { problem, shownValue, type Problem } from './problems';

export const MAX_EMAIL_LENGTH = 254;
export const MAX_LOCAL_PART_LENGTH = 64;
export const MAX_USERNAME_LENGTH = 64;
export const MAX_EXTERNAL_ID_LENGTH = 255;

// Soft hyphen, zero-width space/non-joiner/joiner, LRM/RLM, bidi embeddings,
// overrides and isolates, word joiner, BOM: invisible, carried along by copy
// and paste, and never part of an address or a username.
const REMOVABLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
// In a name every format character is invisible and removed, except the
// zero-width non-joiner and joiner, which shape Persian and Indic letters and
// emoji sequences.
const REMOVABLE_FROM_NAME = /(?![\u200C\u200D])\p{Cf}/gu;
// A control character (not white space) has no place in a name: refused and named.
const CONTROL = /(?!\s)\p{Cc}/u;
const EDGES = /^[\s\u00AD\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]+|[\s\u00AD\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]+$/g;
const SPACE = /[\s\p{Z}]/u;
// Still invisible after REMOVABLE is gone: other format characters, controls
// and lone surrogates (whitespace controls such as a tab count as spaces).
const INVISIBLE = /(?!\s)[\p{Cc}\p{Cf}\p{Cs}]/u;
// RFC 5322 specials, which only a quoted local part may hold (not accepted: few systems deliver to one).
const LOCAL_PART_SPECIAL = /["(),:;<>[\\\]]/;
const DOMAIN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const USERNAME_START = /^[\p{L}\p{N}]/u;
const USERNAME_OTHER = /[^\p{L}\p{M}\p{N}._-]/u;
// Where an entry needs the RFC 5322 grammar rather than the bare rules.
const MAILBOX_SYNTAX = /[<>"()]/;

/** Text with the invisible characters of copy and paste (zero-width, BOM, bidi controls, soft hyphen) removed. */
export function removeInvisible(text: string): string {
  return text.replace(REMOVABLE, '');
}

/**
 * Why an email address is refused, or null if it is accepted. Checks, in
 * this order: a space (EMAIL_HAS_SPACE), an invisible character
 * (INVISIBLE_CHARACTER, named as `<U+XXXX>`), the @ (EMAIL_NO_AT,
 * EMAIL_TWO_AT, EMAIL_NO_LOCAL_PART, EMAIL_NO_DOMAIN), the lengths
 * (EMAIL_TOO_LONG, EMAIL_LOCAL_TOO_LONG), the part before the @
 * (EMAIL_BAD_CHARACTER naming it, EMAIL_MISPLACED_DOT), the domain
 * (EMAIL_BAD_DOMAIN). Expects text already cleaned (`cleanIdentifier`).
 */
export function emailProblem(address: string): Problem | null {
  if (SPACE.test(address)) return problem('EMAIL_HAS_SPACE');
  const invisible = INVISIBLE.exec(address);
  if (invisible) return problem('INVISIBLE_CHARACTER', { character: codePointName(invisible[0]) });
  const at = address.indexOf('@');
  if (at < 0) return problem('EMAIL_NO_AT');
  if (address.includes('@', at + 1)) return problem('EMAIL_TWO_AT');
  const [local, domain] = [address.slice(0, at), address.slice(at + 1)];
  if (local === '') return problem('EMAIL_NO_LOCAL_PART');
  if (domain === '') return problem('EMAIL_NO_DOMAIN');
  if (!fitsLength(address, MAX_EMAIL_LENGTH)) return problem('EMAIL_TOO_LONG', { max: MAX_EMAIL_LENGTH });
  if (!fitsLength(local, MAX_LOCAL_PART_LENGTH)) return problem('EMAIL_LOCAL_TOO_LONG', { max: MAX_LOCAL_PART_LENGTH });
  const special = LOCAL_PART_SPECIAL.exec(local);
  if (special) return problem('EMAIL_BAD_CHARACTER', { character: shownValue(special[0]) });
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return problem('EMAIL_MISPLACED_DOT');
  if (!DOMAIN.test(domain)) return problem('EMAIL_BAD_DOMAIN', { domain: shownValue(domain) });
  return null;
}

/**
 * Why a username is refused, or null: an invisible character
 * (INVISIBLE_CHARACTER), a first character that is not a letter or digit
 * (USERNAME_BAD_START), a character other than letters, marks, digits and
 * `. _ -` (USERNAME_BAD_CHARACTER naming it, spaces included), more than 64
 * code points (USERNAME_TOO_LONG).
 */
export function usernameProblem(username: string): Problem | null {
  const invisible = INVISIBLE.exec(username);
  if (invisible) return problem('INVISIBLE_CHARACTER', { character: codePointName(invisible[0]) });
  if (!USERNAME_START.test(username)) return problem('USERNAME_BAD_START');
  const other = USERNAME_OTHER.exec(username);
  if (other) return problem('USERNAME_BAD_CHARACTER', { character: shownValue(other[0]) });
  if (!fitsLength(username, MAX_USERNAME_LENGTH)) return problem('USERNAME_TOO_LONG', { max: MAX_USERNAME_LENGTH });
  return null;
}

/** What a field holding one identifier stores: NFC, copy-and-paste invisibles removed, full-width ASCII as ASCII, trimmed. */
export function cleanIdentifier(text: string): string {
  return foldWidth(removeInvisible(normalizeText(text))).trim();
}

/**
 * An external id (the partner system's id) as stored: NFC and trimmed, nothing
 * else, since partner ids are opaque and compared exactly ('' clears it).
 */
export function cleanExternalId(text: string): string {
  return normalizeText(text).trim();
}

/** Why a cleaned external id is refused (CONTROL_CHARACTERS, TOO_LONG {max}, in code points), or null. */
export function externalIdProblem(externalId: string): Problem | null {
  if (hasControlCharacters(externalId)) return problem('CONTROL_CHARACTERS');
  if (!fitsLength(externalId, MAX_EXTERNAL_ID_LENGTH)) return problem('TOO_LONG', { max: MAX_EXTERNAL_ID_LENGTH });
  return null;
}

/** Whether text, as given, is an email address this app accepts (detail values of type EMAIL). */
export function isEmail(text: string): boolean {
  return emailProblem(text) === null;
}


/**
 * The entries of a paste, in order, NFC-normalized and trimmed (whitespace
 * and invisible characters at the edges), empties dropped. Commas and
 * semicolons separate except inside a quoted name (`"Dubois, Pierre"`,
 * backslash escapes honoured) or a (comment); a line break always separates,
 * so an unclosed quote cannot swallow the lines after it.
 *
 * This cut is ours because a paste is not an RFC 5322 address-list: it mixes
 * usernames in, uses semicolons, and one bad entry must not refuse the rest
 * (email-addresses' list parser returns null for the whole list then).
 */
export function splitIdentifiers(text: string): string[] {
  const normalized = normalizeText(text);
  const entries: string[] = [];
  // The character that ended each entry (',', ';' or a line break).
  const separators: string[] = [];
  let [start, quoted, comment] = [0, false, 0];
  for (let i = 0; i < normalized.length; i++) {
    const c = normalized[i];
    if (c === '\n' || c === '\r') [quoted, comment] = [false, 0];
    else if (c === '\\' && (quoted || comment > 0)) i++;
    else if (quoted) quoted = c !== '"';
    else if (c === '"' && comment === 0) quoted = true;
    else if (c === '(') comment++;
    else if (c === ')' && comment > 0) comment--;
    if (quoted || comment > 0 || !',;\r\n'.includes(c)) continue;
    entries.push(normalized.slice(start, i));
    separators.push(c);
    start = i + 1;
  }
  entries.push(normalized.slice(start));
  return joinLastFirst(entries.map((entry) => entry.trim()), separators).filter((entry) => entry.replace(EDGES, '') !== '');
}

// An unquoted `Name <address>` entry: what follows the comma of `Last, First <address>`.
const UNQUOTED_NAME_ADDR = /^[^"<>()@,;]+<[^<>]+>$/;
const BARE_WORDS = /^[^"<>()@]+$/;

/**
 * Outlook copies people as `Smith, John <john.smith@example.org>; …`, without
 * quotes: a name part with no @ followed, after a comma, by an unquoted
 * `Name <address>` is one person, "Smith, John" (quoted here so the RFC 5322
 * grammar reads it). A username listed just before a named address with a
 * comma between them is read the same way; the preview shows it.
 */
function joinLastFirst(entries: string[], separators: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const [last, rest] = [entries[i], entries[i + 1]];
    if (separators[i] === ',' && rest !== undefined && BARE_WORDS.test(last) && UNQUOTED_NAME_ADDR.test(rest)) {
      const at = rest.indexOf('<');
      const name = `${last}, ${rest.slice(0, at).trim()}`.replace(/[\\"]/g, (c) => `\\${c}`);
      joined.push(`"${name}" ${rest.slice(at)}`);
      i++;
    } else {
      joined.push(last);
    }
  }
  return joined;
}

export type Identifier =
  | { kind: 'email'; input: string; email: string; displayName: string | null }
  | { kind: 'username'; input: string; username: string }
  | { kind: 'invalid'; input: string; problem: Problem };

/**
 * Reads one entry (as `splitIdentifiers` cut it): an email with the name
 * given beside it (null when none, or when the name is the address itself,
 * as some mail clients write it), a username, or a refusal with its specific
 * reason (see `emailProblem`, `usernameProblem`; NOT_NAME_ADDR when quotes
 * or brackets do not form `Name <address>`).
 */
export function classifyIdentifier(input: string): Identifier {
  const text = input.normalize('NFC').replace(EDGES, '');
  if (!MAILBOX_SYNTAX.test(text)) {
    const value = foldWidth(removeInvisible(text));
    return value.includes('@') ? emailEntry(input, value, null) : usernameEntry(input, value);
  }
  // rfc6532: names and addresses may be UTF-8 (Zoë Åberg).
  const mailbox = addresses.parseOneAddress({ input: text, rfc6532: true });
  if (mailbox?.type === 'mailbox') {
    const email = foldWidth(removeInvisible(mailbox.address));
    const name = mailbox.name?.replace(REMOVABLE_FROM_NAME, '').replace(/\s+/g, ' ').trim();
    return emailEntry(input, email, name && foldCase(name) !== foldCase(email) ? name : null);
  }
  return { kind: 'invalid', input, problem: mailboxProblem(text) };
}

function emailEntry(input: string, email: string, displayName: string | null): Identifier {
  const refusal = emailProblem(email);
  return refusal ? { kind: 'invalid', input, problem: refusal } : { kind: 'email', input, email, displayName };
}

function usernameEntry(input: string, username: string): Identifier {
  const refusal = usernameProblem(username);
  return refusal ? { kind: 'invalid', input, problem: refusal } : { kind: 'username', input, username };
}

/** Why an entry with quotes or brackets is not `Name <address>`: the address's own fault if it has one. */
function mailboxProblem(text: string): Problem {
  const control = CONTROL.exec(text);
  if (control) return problem('INVISIBLE_CHARACTER', { character: codePointName(control[0]) });
  const angle = /<([^<>]*)/.exec(text);
  const address = angle ? angle[1] : text.includes('@') ? text : null;
  const refusal = address === null ? usernameProblem(removeInvisible(text)) : emailProblem(removeInvisible(address).trim());
  return refusal ?? problem('NOT_NAME_ADDR');
}

/** How a refused email or username is reported (add-customers entries, customer edits): INVALID_IDENTIFIER with the text quoted (invisibles spelled out) and its reason. */
export function identifierRefusal(input: string, reason: Problem): Problem {
  return problem('INVALID_IDENTIFIER', { value: shownValue(input), problem: reason });
}

/**
 * A paste read entry by entry (`splitIdentifiers`, `classifyIdentifier`),
 * repeats dropped: the same email or username ignoring case (whatever name
 * came with it), or the same refused text.
 */
export function parseIdentifiers(text: string): Identifier[] {
  const seen = new Set<string>();
  return splitIdentifiers(text)
    .map(classifyIdentifier)
    .filter((entry) => {
      const key = entry.kind === 'email' ? `@${foldCase(entry.email)}` : entry.kind === 'username' ? `u${foldCase(entry.username)}` : `!${foldCase(entry.input)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The display name a new customer gets: the name pasted with the address, else the email's local part, else the username. */
export function defaultDisplayName(identifier: Identifier): string {
  if (identifier.kind === 'email') return identifier.displayName ?? identifier.email.slice(0, identifier.email.lastIndexOf('@'));
  if (identifier.kind === 'username') return identifier.username;
  return identifier.input;
}
