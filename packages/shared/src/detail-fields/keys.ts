/**
 * Field keys: derived once from the label at creation and never changed, so
 * API clients, CSV headers and stored JSONB stay valid when admins rename.
 */

const MAX_KEY_LENGTH = 48;

/** Every key detailFieldKeyFromLabel makes, suffixed or not, matches this. */
export const DETAIL_KEY_PATTERN = /^[a-z][a-z0-9_]{0,47}$/;

function slug(label: string): string {
  const ascii = label
    .normalize('NFKD') // 'é' → 'e' + accent, 'Ｆ' → 'F', '①' → '1'
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (ascii === '') return 'field'; // e.g. '契約ランク': nothing survives, and a transliteration would be a guess
  return /^[0-9]/.test(ascii) ? `f_${ascii}` : ascii;
}

/** Cut to fit `room`, without leaving a dangling '_' before what follows. */
function fit(key: string, room: number): string {
  return key.slice(0, room).replace(/_+$/, '');
}

/** Stable key from the label; on collision with `taken` (existing keys in the scope) appends _2, _3 … within the same 48 characters. */
export function detailFieldKeyFromLabel(label: string, taken: ReadonlySet<string>): string {
  const base = fit(slug(label), MAX_KEY_LENGTH);
  let key = base;
  for (let n = 2; taken.has(key); n++) key = fit(base, MAX_KEY_LENGTH - `_${n}`.length) + `_${n}`;
  return key;
}
