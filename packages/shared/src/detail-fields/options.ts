/** Field labels and select options, as admins type them in Settings or send through the API. */

import { fitsLength, foldCase, hasControlCharacters, quote } from './text';

const MAX_LABEL_LENGTH = 100;
const MAX_OPTION_LENGTH = 200;
// A select with more options than this is a lookup table, not a detail field.
const MAX_OPTIONS = 500;

/** What is wrong with one trimmed name, or null. */
function nameProblem(text: string, max: number): string | null {
  if (text === '') return 'must not be empty';
  if (hasControlCharacters(text)) return 'must not contain control characters';
  if (!fitsLength(text, max)) return `must be at most ${max} characters`;
  return null;
}

/** Label rules: trimmed, 1–100 chars, no control characters. */
export function cleanLabel(label: string): { ok: true; label: string } | { ok: false; reason: string } {
  const text = label.trim().normalize('NFC');
  const problem = nameProblem(text, MAX_LABEL_LENGTH);
  return problem === null ? { ok: true, label: text } : { ok: false, reason: problem };
}

/**
 * Cleans and validates a select field's option list. Options are NFC so a
 * value typed on another keyboard matches; they must differ beyond case
 * because values are matched ignoring case.
 */
export function cleanOptions(options: readonly string[]): { ok: true; options: string[] } | { ok: false; reason: string } {
  if (options.length === 0) return { ok: false, reason: 'must have at least one option' };
  if (options.length > MAX_OPTIONS) return { ok: false, reason: `must have at most ${MAX_OPTIONS} options` };
  const seen = new Map<string, string>();
  for (const [index, raw] of options.entries()) {
    const option = raw.trim().normalize('NFC');
    const problem = nameProblem(option, MAX_OPTION_LENGTH);
    // An empty option has nothing to quote, so it is named by position.
    if (problem !== null) return { ok: false, reason: `option ${option === '' ? index + 1 : quote(option)} ${problem}` };
    const earlier = seen.get(foldCase(option));
    if (earlier !== undefined) return { ok: false, reason: `option ${quote(option)} repeats ${quote(earlier)}` };
    seen.set(foldCase(option), option);
  }
  return { ok: true, options: [...seen.values()] };
}
