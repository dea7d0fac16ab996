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

  it('bounds email length', () => {
    expect(isEmail(`${'a'.repeat(64)}@${'b'.repeat(60)}.com`)).toBe(true);
    expect(isEmail(`${'a'.repeat(250)}@b.com`)).toBe(false);
  });

  it('derives the display name from the email local part or the username', () => {
    expect(defaultDisplayName(classifyIdentifier('jane.doe@example.com'))).toBe('jane.doe');
    expect(defaultDisplayName(classifyIdentifier('jdoe'))).toBe('jdoe');
  });
});
