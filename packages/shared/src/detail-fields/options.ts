/** Field labels and select options, as admins type them in Settings or send through the API. */

import { problem, type Problem } from '../problems';
import { fitsLength, foldCase, hasControlCharacters, normalizeText, quote } from './text';

const MAX_LABEL_LENGTH = 100;
const MAX_OPTION_LENGTH = 200;
// A select with more options than this is a lookup table, not a detail field.
const MAX_OPTIONS = 500;

/** What is wrong with one trimmed name, or null. */
function nameProblem(text: string, max: number): Problem | null {
  if (text === '') return problem('EMPTY');
  if (hasControlCharacters(text)) return problem('CONTROL_CHARACTERS');
  if (!fitsLength(text, max)) return problem('TOO_LONG', { max });
  return null;
}

/** Label rules: trimmed, 1–100 chars, no control characters. */
export function cleanLabel(label: string): { ok: true; label: string } | { ok: false; problem: Problem } {
  const text = normalizeText(label.trim());
  const found = nameProblem(text, MAX_LABEL_LENGTH);
  return found === null ? { ok: true, label: text } : { ok: false, problem: found };
}

/**
 * Cleans and validates a select field's option list. Options are NFC so a
 * value typed on another keyboard matches; they must differ beyond case
 * because values are matched ignoring case.
 */
export function cleanOptions(options: readonly string[]): { ok: true; options: string[] } | { ok: false; problem: Problem } {
  if (options.length === 0) return { ok: false, problem: problem('NO_OPTIONS') };
  if (options.length > MAX_OPTIONS) return { ok: false, problem: problem('TOO_MANY_OPTIONS', { max: MAX_OPTIONS }) };
  const seen = new Map<string, string>();
  for (const [index, raw] of options.entries()) {
    const option = normalizeText(raw.trim());
    const found = nameProblem(option, MAX_OPTION_LENGTH);
    // An empty option has nothing to quote, so it is named by position.
    if (found !== null) {
      return { ok: false, problem: option === '' ? problem('OPTION_EMPTY', { position: index + 1 }) : problem('OPTION_INVALID', { option: quote(option), problem: found }) };
    }
    const earlier = seen.get(foldCase(option));
    if (earlier !== undefined) return { ok: false, problem: problem('OPTION_REPEATS', { option: quote(option), earlier: quote(earlier) }) };
    seen.set(foldCase(option), option);
  }
  return { ok: true, options: [...seen.values()] };
}
