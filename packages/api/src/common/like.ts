/**
 * A search text shorter than this (in characters, as typed) matches where a
 * word starts instead of anywhere: a trigram index cannot find a substring of
 * one or two characters without reading all of itself (seconds at a million
 * customers), while a word start gives it a padded trigram ('  j', ' jo') to
 * look up.
 */
export const SUBSTRING_MIN_CHARACTERS = 3;

/** Whether `text` (trimmed) is searched by word start rather than as a substring. */
export const isShortSearch = (text: string): boolean => [...text].length < SUBSTRING_MIN_CHARACTERS;

/**
 * The characters of the scripts written without spaces between words that
 * a short search finds anywhere: Han (with 々 〆 〇 〻), Hiragana, Katakana
 * (with ー and the half-width forms, which NFC keeps). The same ranges as
 * `cjk_grams` and `has_cjk` of the ShortSearches migration; a test holds
 * them equal.
 */
const CJK = /^[\u3005-\u3007\u303B\u3040-\u30FF\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF66-\uFF9F\u{20000}-\u{323AF}]+$/u;

/** Whether every character of `text` is Han, Hiragana or Katakana (`CJK`). */
export const isCjk = (text: string): boolean => CJK.test(text);

/**
 * SQL: whether the row at `alias` contains the search text bound at `param`,
 * ignoring case and accents ('jurgen' finds 'JÜRGEN', 'strasse' finds
 * 'Straße'; kana and kanji are left as they are). The user's % _ and \ are
 * literal. `search_text` (the accent-folded text of customers, organizations
 * and detail_search, with a trigram index) and `contains_pattern` come from
 * the FoldAccentsInSearch migration.
 */
export function containsText(alias: string, param: string): string {
  return `${alias}.search_text ILIKE contains_pattern(${param})`;
}

/**
 * SQL: whether a word of the row at `alias` starts with the text bound at
 * `param`, folded as in `containsText`; a word starts the text or follows a
 * space or a line break (values of a multi-select are indexed one per line).
 * 'jo' finds 'John Smith', 'Mary Jones' and 'jo.doe@example.com', not
 * 'Bjorn'. One case-insensitive regular expression (`word_start_pattern`,
 * migration ShortSearches: the user's text is literal in it), from which
 * pg_trgm reads the padded trigrams of the word start ('  j', ' jo') in the
 * same trigram index.
 */
export function startsWordText(alias: string, param: string): string {
  return `${alias}.search_text ~* word_start_pattern(${param})`;
}

/**
 * SQL: whether the row at `alias` contains the one or two Han, Hiragana or
 * Katakana characters bound at `param` anywhere ('花子' finds '佐藤花子':
 * these scripts put no space between words, so every character may start
 * one). The substring test decides, and is what a row-by-row walk evaluates
 * (first, so text without these scripts costs no more); the `cjk_grams`
 * test says the same for such text (it holds every character and every pair
 * of adjacent characters of those scripts) and lets an index lookup use the
 * partial GIN index of the ShortSearches migration, where the trigram index
 * has no trigram to look up.
 */
export function containsCjkText(alias: string, param: string): string {
  return `(${containsText(alias, param)} AND has_cjk(${alias}.search_text) AND cjk_grams(${alias}.search_text) @> ARRAY[immutable_unaccent(${param})])`;
}

/**
 * SQL: whether the row at `alias` matches the search `text` bound at `param`:
 * a substring from three characters on; one or two characters match a word
 * start, or anywhere when they are all Han, Hiragana or Katakana.
 */
export function matchesText(alias: string, param: string, text: string): string {
  if (!isShortSearch(text)) return containsText(alias, param);
  return isCjk(text) ? containsCjkText(alias, param) : startsWordText(alias, param);
}
