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
 * 'Bjorn'. Each pattern starts a word after a literal character, so pg_trgm
 * reads the padded trigrams of the word start from the same trigram index.
 */
export function startsWordText(alias: string, param: string): string {
  const start = `substr(contains_pattern(${param}), 2)`;
  return `${alias}.search_text ILIKE ANY (ARRAY[${start}, '% ' || ${start}, E'%\\n' || ${start}])`;
}

/** SQL: whether the row at `alias` matches the search `text` bound at `param`: word start when it is short, else substring. */
export function matchesText(alias: string, param: string, text: string): string {
  return isShortSearch(text) ? startsWordText(alias, param) : containsText(alias, param);
}
