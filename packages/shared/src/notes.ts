/**
 * Internal notes on customers and organizations: the body rules the API
 * enforces and the web form checks as the agent types, and how a body's
 * links are found for display. Shared so both sides agree on every note.
 */

import { linkifyit } from 'linkify-it';
import { fitsLength, hasControlCharacters } from './detail-fields/text';
import { problem, type Problem } from './problems';

/** Most code points a note may have (issue 7: "10,000 characters at most"); an emoji counts as one. */
export const MAX_NOTE_LENGTH = 10_000;

/**
 * A note body as it is stored: line breaks as LF (browsers and Windows tools
 * send CRLF), trimmed, NFC (so a note typed on another keyboard compares and
 * counts the same). Not validated: see `cleanNoteBody`.
 */
export function normalizeNoteBody(body: string): string {
  return body.replace(/\r\n?/g, '\n').trim().normalize('NFC');
}

/** Code points of the stored form, for the form's live count (the limit counts the same way). */
export function noteBodyLength(body: string): number {
  return Array.from(normalizeNoteBody(body)).length;
}

const NOTHING_VISIBLE = /^[\s\p{Z}\p{Cf}]*$/u;

/**
 * Validates and normalizes a note body: 1–10,000 code points after
 * `normalizeNoteBody`, something visible (not only spaces and invisible
 * characters), no control characters except newline and tab (the
 * rule detail text values follow). Refusals are `INVALID_NOTE_BODY` around
 * `EMPTY`, `CONTROL_CHARACTERS` or `TOO_LONG {max}`.
 */
export function cleanNoteBody(body: string): { ok: true; body: string } | { ok: false; problem: Problem } {
  const text = normalizeNoteBody(body);
  const refuse = (cause: Problem) => ({ ok: false as const, problem: problem('INVALID_NOTE_BODY', { problem: cause }) });
  // Only spaces and invisible characters (zero-width, bidi marks, ideographic space…) would show as an empty note.
  if (NOTHING_VISIBLE.test(text)) return refuse(problem('EMPTY'));
  if (hasControlCharacters(text, true)) return refuse(problem('CONTROL_CHARACTERS'));
  if (!fitsLength(text, MAX_NOTE_LENGTH)) return refuse(problem('TOO_LONG', { max: MAX_NOTE_LENGTH }));
  return { ok: true, body: text };
}

/** A piece of a note as shown: plain text, or a link whose `href` is always http(s). */
export type NoteSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// No fuzzy e-mails (an address in a note is usually text to copy, not to mail); schemaless
// links only when they start with www. (checked below), since "report.py" has a country TLD.
const linkify = linkifyit({ fuzzyLink: true, fuzzyEmail: false, fuzzyIP: false });

function isSafeLink(schema: string, text: string, href: string): boolean {
  const fuzzyWww = schema === '' && /^www\./i.test(text);
  return (schema === 'http:' || schema === 'https:' || fuzzyWww) && /^https?:\/\//i.test(href);
}

/**
 * Splits a note into text and links for rendering as elements (never as
 * HTML): http:// and https:// links and bare `www.` addresses become links
 * (`www.` ones to http://); anything else, `javascript:` and markup included,
 * stays text. Concatenating every segment's text gives the body back.
 */
export function noteSegments(body: string): NoteSegment[] {
  const segments: NoteSegment[] = [];
  let at = 0;
  for (const match of linkify.match(body) ?? []) {
    // A refused match stays in the text that the next slice takes.
    if (!isSafeLink(match.schema.toLowerCase(), match.raw, match.url)) continue;
    if (match.index > at) segments.push({ kind: 'text', text: body.slice(at, match.index) });
    segments.push({ kind: 'link', text: body.slice(match.index, match.lastIndex), href: match.url });
    at = match.lastIndex;
  }
  if (at < body.length) segments.push({ kind: 'text', text: body.slice(at) });
  return segments;
}

