/**
 * SQL: whether the text `textSql` contains the search text bound at `param`,
 * ignoring case and accents ('jurgen' finds 'JÜRGEN', 'strasse' finds
 * 'Straße'; kana and kanji are left as they are). The user's % _ and \ are
 * literal. `immutable_unaccent` and `contains_pattern` are SQL functions from
 * the FoldAccentsInSearch migration; a trigram index on
 * `immutable_unaccent(<textSql>)` answers this.
 */
export function containsText(textSql: string, param: string): string {
  return `immutable_unaccent(${textSql}) ILIKE contains_pattern(${param})`;
}
