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
