import { classifyIdentifier, defaultDisplayName, isEmail, splitIdentifiers } from './identifiers';

describe('add-customers identifiers', () => {
  it('splits on commas, semicolons and new lines, trims, drops empties and repeats', () => {
    expect(splitIdentifiers(' a@x.io, bob ;\n\nA@X.io,, carol\r\nbob ')).toEqual(['a@x.io', 'bob', 'carol']);
    expect(splitIdentifiers('  ,;\n')).toEqual([]);
  });

  it('classifies emails, usernames and bad entries with a reason', () => {
    expect(classifyIdentifier('jane.doe@example.com')).toEqual({ kind: 'email', input: 'jane.doe@example.com', email: 'jane.doe@example.com' });
    expect(classifyIdentifier('jane_doe-2')).toEqual({ kind: 'username', input: 'jane_doe-2', username: 'jane_doe-2' });
    expect(classifyIdentifier('山田.太郎')).toMatchObject({ kind: 'username' });
    for (const bad of ['bob@', '@example.com', 'a@b', 'two words', 'a@@b.com', '=cmd()', '-leading', 'x'.repeat(65)]) {
      expect(classifyIdentifier(bad)).toEqual({ kind: 'invalid', input: bad, problem: { reason: 'NOT_AN_IDENTIFIER', params: {} } });
    }
  });

  it('normalizes entries to NFC, so a decomposed username is valid and equals the composed one', () => {
    // 'zoe' + U+0308 (COMBINING DIAERESIS), as macOS pastes it; a combining mark alone is no letter.
    expect(splitIdentifiers('zoe\u0308, zo\u00eb, Zoe\u0308@example.com')).toEqual(['zo\u00eb', 'Zo\u00eb@example.com']);
    expect(classifyIdentifier(splitIdentifiers('zoe\u0308')[0])).toEqual({ kind: 'username', input: 'zo\u00eb', username: 'zo\u00eb' });
  });

  it('bounds email length', () => {
    expect(isEmail(`${'a'.repeat(64)}@${'b'.repeat(60)}.com`)).toBe(true);
    expect(isEmail(`${'a'.repeat(250)}@b.com`)).toBe(false);
  });

  it('derives the display name from the email local part or the username', () => {
    expect(defaultDisplayName(classifyIdentifier('jane.doe@example.com'))).toBe('jane.doe');
    expect(defaultDisplayName(classifyIdentifier('jdoe'))).toBe('jdoe');
  });
});
