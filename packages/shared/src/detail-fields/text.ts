/** Text rules shared by values, labels and options. */

// Controls (C0, DEL, C1) are invisible or break CSV and terminals; lone UTF-16
// surrogates (category Cs when unpaired) make PostgreSQL reject the JSONB write.
const CONTROL = /[\p{Cc}\p{Cs}]/u;
const CONTROL_EXCEPT_NEWLINE_TAB = /[^\P{Cc}\n\t]|\p{Cs}/u;
// What a person cannot see in a quoted value: controls, format characters
// (zero-width, BOM, bidi), lone surrogates, separators and non-ASCII spaces.
const INVISIBLE_GLOBAL = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/gu;

export function hasControlCharacters(text: string, allowNewlineAndTab = false): boolean {
  return (allowNewlineAndTab ? CONTROL_EXCEPT_NEWLINE_TAB : CONTROL).test(text);
}

/**
 * Whether text has at most `max` code points (what a person counts, so an
 * emoji is one). Cheap on huge input: UTF-16 length bounds the count from
 * both sides, so only lengths in between are counted.
 */
export function fitsLength(text: string, max: number): boolean {
  if (text.length <= max) return true;
  return text.length <= max * 2 && Array.from(text).length <= max;
}

/**
 * The one form every stored and searched text takes: Unicode NFC. macOS
 * pastes 'ë' as 'e' + U+0308, other keyboards as one code point; PostgreSQL
 * compares code points, so without this the two never match. NFC (not NFKC)
 * keeps what people typed: full-width and half-width forms stay distinct.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFC');
}

/**
 * Full-width ASCII (U+FF01–U+FF5E, as Japanese input methods type digits,
 * letters and punctuation) and the ideographic space as their ASCII forms.
 * Only for text with a fixed ASCII syntax (numbers, dates, phones, emails,
 * URLs, usernames), where '１２３' can only mean 123; free text keeps what
 * was typed.
 */
export function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** How values are compared "ignoring case": NFC first so a decomposed 'é' equals a composed one. */
export function foldCase(text: string): string {
  return normalizeText(text).toLowerCase();
}

const QUOTED_MAX = 40;

/** `<U+200B>` for one code point: how an invisible character is shown to people. */
export function codePointName(character: string): string {
  return `<U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** Text with every invisible character spelled out as `<U+XXXX>`. */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE_GLOBAL, codePointName);
}

/**
 * A value quoted for a reason. Reasons travel into GraphQL errors and import
 * reports, so a pasted novel is cut to 40 code points, and invisible
 * characters are spelled out (`'ida@example.com<U+200B>'`) so that a refused
 * value never looks exactly like a valid one.
 */
export function quote(text: string): string {
  const points = Array.from(text.slice(0, QUOTED_MAX * 2));
  const cut = points.length > QUOTED_MAX || text.length > QUOTED_MAX * 2;
  return `'${showInvisible(points.slice(0, QUOTED_MAX).join(''))}${cut ? '…' : ''}'`;
}
