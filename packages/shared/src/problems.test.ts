import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ENTITIES, PROBLEM_REASONS, PROBLEM_TEXT, problem, problemText, shownOptions, shownValue, templateParams } from './problems';

// The web app's translations of every reason: a reason without one would show a raw key to Japanese agents.
const locale = (language: string) =>
  JSON.parse(readFileSync(path.join(__dirname, '../../web/src/app/i18n/locales', `${language}.json`), 'utf8')).problems as Record<string, unknown>;

describe('problems', () => {
  it('has a Japanese text for every reason and entity, with the same placeholders as the English one', () => {
    const ja = locale('ja') as Record<string, string> & { entities: Record<string, string> };
    for (const reason of PROBLEM_REASONS) {
      expect([reason, typeof ja[reason] === 'string' ? templateParams(ja[reason]) : 'missing']).toEqual([reason, templateParams(PROBLEM_TEXT[reason])]);
    }
    expect(Object.keys(ja.entities).sort()).toEqual(Object.keys(ENTITIES).sort());
    expect(Object.keys(ja).filter((key) => !(key in PROBLEM_TEXT)).sort()).toEqual(['entities', 'fields', 'listSeparator']);
    // Input names shown in place of API names (`displayName` → 表示名): the same ones in both languages.
    expect(Object.keys(ja.fields as unknown as object).sort()).toEqual(Object.keys(locale('en').fields as object).sort());
  });

  it('builds the English sentence, nested problems, lists and entities included', () => {
    const refusal = problem('INVALID_DETAIL_VALUE', {
      label: 'Support tier',
      value: shownValue('Platinum'),
      problem: problem('NOT_AN_OPTION', { options: shownOptions(['Gold', 'Tokyo, Japan']) }),
    });
    expect(problemText(refusal)).toBe("Support tier: 'Platinum' is not one of the options: 'Gold', 'Tokyo, Japan'");
    expect(problemText(problem('NAME_TAKEN', { entity: 'ORGANIZATION', name: "'Acme'" }))).toBe("Another organization is already named 'Acme'");
  });

  it('shows refused values with their invisible characters spelled out, cut at 40 code points', () => {
    expect(shownValue('ida@example.com\u200b')).toBe("'ida@example.com<U+200B>'");
    expect(shownValue('\ufeffbom\u202eevil\u00a0x')).toBe("'<U+FEFF>bom<U+202E>evil<U+00A0>x'");
    expect(shownValue(['a', 'b'])).toBe("'a, b'");
    expect(shownValue(12)).toBe('12');
    expect(shownValue('z'.repeat(41))).toBe(`'${'z'.repeat(40)}…'`);
    expect(shownOptions(Array.from({ length: 25 }, (_, i) => `o${i}`))).toHaveLength(21);
  });
});
