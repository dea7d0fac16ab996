/**
 * How "add customers" reads what an agent pastes: usernames or emails
 * separated by commas (also semicolons and new lines), spaces trimmed,
 * empties and repeats (ignoring case) dropped. Shared so the web dialog can
 * preview exactly what the API will do.
 */

import { problem, type Problem } from './problems';
import { foldCase, normalizeText } from './detail-fields/text';

// Pragmatic, not RFC 5322: one @, no spaces, a dotted domain with a 2+ letter TLD.
const EMAIL = /^[^\s@"<>(),;:\\[\]]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const USERNAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$/u;

export const MAX_EMAIL_LENGTH = 254;

export function isEmail(text: string): boolean {
  return text.length <= MAX_EMAIL_LENGTH && EMAIL.test(text);
}

export function isUsername(text: string): boolean {
  return USERNAME.test(text);
}

/** The entries of pasted text, each trimmed and NFC (a decomposed 'ë' is a combining mark, which no username may hold). */
export function splitIdentifiers(text: string): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of text.split(/[,;\r\n]+/)) {
    const entry = normalizeText(raw.trim());
    const key = foldCase(entry);
    if (entry === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(entry);
  }
  return result;
}

export type Identifier =
  | { kind: 'email'; input: string; email: string }
  | { kind: 'username'; input: string; username: string }
  | { kind: 'invalid'; input: string; problem: Problem };

export function classifyIdentifier(input: string): Identifier {
  if (input.includes('@')) {
    return isEmail(input) ? { kind: 'email', input, email: input } : { kind: 'invalid', input, problem: problem('NOT_AN_IDENTIFIER') };
  }
  return isUsername(input) ? { kind: 'username', input, username: input } : { kind: 'invalid', input, problem: problem('NOT_AN_IDENTIFIER') };
}

/** The display name a new customer gets when none is given: the email's local part, or the username. */
export function defaultDisplayName(identifier: Identifier): string {
  if (identifier.kind === 'email') return identifier.email.slice(0, identifier.email.lastIndexOf('@'));
  if (identifier.kind === 'username') return identifier.username;
  return identifier.input;
}
