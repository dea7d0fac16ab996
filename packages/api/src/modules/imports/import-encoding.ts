import iconv from 'iconv-lite';
import { chardet } from 'jschardet';
import { IMPORT_ENCODINGS, problem, shownValue, type ImportEncoding } from '@cp/shared';
import { badInput } from '../../common/domain-error';

export type { ImportEncoding };

/** iconv-lite's codec for each; Shift_JIS is read as CP932, Windows' superset that Excel writes (①, 髙, NEC and IBM extensions). */
export const IMPORT_CODECS: Record<ImportEncoding, string> = { 'UTF-8': 'utf8', 'UTF-16LE': 'utf16le', 'UTF-16BE': 'utf16be', Shift_JIS: 'cp932', 'Windows-1252': 'windows-1252' };

/** Names a caller may give for each (`encoding` argument), compared case-insensitively. */
const ALIASES: Record<string, ImportEncoding> = {
  'utf-8': 'UTF-8',
  utf8: 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  shift_jis: 'Shift_JIS',
  'shift-jis': 'Shift_JIS',
  sjis: 'Shift_JIS',
  cp932: 'Shift_JIS',
  'windows-31j': 'Shift_JIS',
  'windows-1252': 'Windows-1252',
  cp1252: 'Windows-1252',
};

/** Detector names of the legacy encodings we read; any other confident guess is a file we must not garble. */
const DETECTED_AS: Record<string, ImportEncoding> = { cp932: 'Shift_JIS', shift_jis: 'Shift_JIS', 'windows-1252': 'Windows-1252' };

/**
 * Below this confidence a detector's guess at some other encoding is noise
 * (short Western text scores 0.02–0.05 for a dozen Latin code pages); EUC-JP,
 * GB18030 or KOI8-R text scores 0.11–0.16 on a few lines.
 */
const FOREIGN_CONFIDENCE = 0.1;

/** A decoded import file: its text (no BOM) and the encoding it was read in. */
export interface DecodedFile {
  text: string;
  encoding: ImportEncoding;
}

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** Text that a wrong reading shows: U+FFFD (bytes the codec could not map) and control characters other than tab and line breaks. */
const GARBLED = /[\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The text in this encoding without its BOM, or null when the bytes are not valid in it. */
function decodeAs(bytes: Uint8Array, encoding: ImportEncoding): string | null {
  if (encoding === 'UTF-8') {
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      return null;
    }
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), IMPORT_CODECS[encoding], { stripBOM: true });
  // Windows-1252 leaves five bytes undefined (0x81 0x8D 0x8F 0x90 0x9D); iconv-lite reads them as U+FFFD, like a bad CP932 pair.
  return GARBLED.test(text) ? null : text;
}

/** The encoding named by `given` (an `encoding` argument), or IMPORT_ENCODING_NOT_SUPPORTED. */
export function importEncoding(given: string): ImportEncoding {
  const encoding = ALIASES[given.trim().toLowerCase()];
  if (!encoding) throw badInput(problem('IMPORT_ENCODING_NOT_SUPPORTED', { encoding: shownValue(given), supported: [...IMPORT_ENCODINGS] }), 'encoding');
  return encoding;
}

/**
 * Reads an import file's bytes as text, never guessing into garbage:
 * 1. a spreadsheet workbook (ZIP or OLE) is IMPORT_SPREADSHEET_FILE, other
 *    bytes with NUL and no UTF-16 BOM IMPORT_NOT_TEXT; nothing at all IMPORT_EMPTY_FILE;
 * 2. a byte order mark decides UTF-8 or UTF-16 (LE/BE);
 * 3. bytes that are valid UTF-8 are UTF-8 (so plain ASCII is);
 * 4. otherwise Shift_JIS (CP932) or Windows-1252, as jschardet ranks the
 *    two (Shift_JIS first when the bytes look like everyday Japanese, which
 *    jschardet misjudges in short files), among those that decode without
 *    unmapped bytes or control characters; when jschardet is confident the file is in another
 *    encoding (EUC-JP, GB18030, KOI8-R…) it is IMPORT_ENCODING_FOREIGN
 *    naming it, and when neither decodes, IMPORT_ENCODING_UNREADABLE.
 * With `given` (the caller's `encoding`), only that reading is tried:
 * IMPORT_NOT_IN_ENCODING if the bytes are not valid in it. A short file that
 * reads cleanly both ways (only half-width kana, say) may be read as
 * Windows-1252: the preview shows the encoding used, and `encoding` fixes it.
 * All refusals are BAD_USER_INPUT (field `file`, or `encoding`).
 */
export function decodeImportFile(bytes: Uint8Array, given?: string | null): DecodedFile {
  if (bytes.length === 0) throw badInput(problem('IMPORT_EMPTY_FILE'), 'file');
  const bom: ImportEncoding | null = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 'UTF-8' : startsWith(bytes, [0xff, 0xfe]) ? 'UTF-16LE' : startsWith(bytes, [0xfe, 0xff]) ? 'UTF-16BE' : null;
  if (given) {
    const encoding = importEncoding(given);
    const text = decodeAs(bytes, encoding);
    if (text === null) throw badInput(problem('IMPORT_NOT_IN_ENCODING', { encoding }), 'encoding');
    return { text, encoding };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw badInput(problem('IMPORT_SPREADSHEET_FILE'), 'file');
  }
  if (!bom?.startsWith('UTF-16') && bytes.includes(0)) throw badInput(problem('IMPORT_NOT_TEXT'), 'file');
  const encoding = bom ?? 'UTF-8';
  const text = decodeAs(bytes, encoding);
  if (text !== null) return { text, encoding };
  if (bom) throw badInput(problem('IMPORT_NOT_IN_ENCODING', { encoding }), 'file');
  return decodeLegacy(bytes);
}

/**
 * Whether bytes read as Shift_JIS look like Japanese: at least 80% of their
 * characters beyond ASCII are two-byte ones with a lead byte of 0x81–0x98
 * (symbols, kana, JIS level-1 kanji: nearly all everyday text). Windows-1252
 * text read as Shift_JIS gives half-width kana (its capitals À–ß) and rare
 * kanji (its small letters à–ÿ as lead bytes) instead. jschardet ranks a
 * few lines of kanji (a name) below Windows-1252, and reading them so would
 * store mojibake.
 */
function looksJapanese(bytes: Uint8Array): boolean {
  let common = 0;
  let other = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    if (b >= 0xa1 && b <= 0xdf) other++;
    else {
      if (b >= 0x81 && b <= 0x98) common++;
      else other++;
      i++;
    }
  }
  return common > 0 && common >= 4 * other;
}

function decodeLegacy(bytes: Uint8Array): DecodedFile {
  const [foreign] = chardet.detectAll(bytes, { ignoreThreshold: true });
  const ranked = chardet
    .detectAll(bytes, { includeEncodings: Object.keys(DETECTED_AS), ignoreThreshold: true })
    .map((result) => ({ encoding: DETECTED_AS[(result.encoding ?? '').toLowerCase()], confidence: result.confidence }))
    .filter((result) => result.encoding !== undefined);
  const ours = ranked[0]?.confidence ?? 0;
  const foreignName = (foreign?.encoding ?? '').toLowerCase();
  if (foreign && !(foreignName in DETECTED_AS) && foreign.confidence >= FOREIGN_CONFIDENCE && foreign.confidence > ours) {
    throw badInput(problem('IMPORT_ENCODING_FOREIGN', { encoding: foreign.encoding! }), 'file');
  }
  const order = [...(looksJapanese(bytes) ? ['Shift_JIS'] : []), ...ranked.map((r) => r.encoding), 'Shift_JIS', 'Windows-1252'] as ImportEncoding[];
  for (const encoding of new Set(order)) {
    const text = decodeAs(bytes, encoding);
    if (text !== null) return { text, encoding };
  }
  throw badInput(problem('IMPORT_ENCODING_UNREADABLE'), 'file');
}
