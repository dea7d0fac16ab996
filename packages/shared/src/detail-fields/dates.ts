/**
 * A DATE value is a calendar day written YYYY-MM-DD, with no time and no time
 * zone: the same day for every viewer. This is the one strict reading of such
 * text; nothing is rolled over (2026-02-29 is refused, never 1 March).
 */

/** Four-digit years only: text order then equals date order, and typos like 0202 are refused. */
export const FIRST_YEAR = 1000;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why a text is not a day; `month` is 1-based, `lastDay` the number of days that month has. */
export type DayProblem =
  | { kind: 'format' }
  | { kind: 'year' }
  | { kind: 'month'; month: number }
  | { kind: 'day'; year: number; month: number; lastDay: number };

/** A real day (its text and its UTC midnight) or the problem with the text. */
export type DayCheck = { ok: true; day: string; utcMidnight: Date } | { ok: false; problem: DayProblem };

/** Reads `text` (already trimmed) as a calendar day YYYY-MM-DD without any rollover. */
export function checkIsoDay(text: string): DayCheck {
  const match = ISO_DAY.exec(text);
  if (!match) return { ok: false, problem: { kind: 'format' } };
  const [year, month, day] = match.slice(1).map(Number);
  if (year < FIRST_YEAR) return { ok: false, problem: { kind: 'year' } };
  if (month < 1 || month > 12) return { ok: false, problem: { kind: 'month', month } };
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > lastDay) return { ok: false, problem: { kind: 'day', year, month, lastDay } };
  return { ok: true, day: text, utcMidnight: new Date(Date.UTC(year, month - 1, day)) };
}
