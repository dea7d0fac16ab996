import { classifyIdentifier, cleanExternalId, cleanIdentifier, defaultDisplayName, emailProblem, externalIdProblem, isEmail, parseIdentifiers, splitIdentifiers, usernameProblem, type Identifier } from './identifiers';
import { problemText, type Problem } from './problems';

const refused = (input: string, reason: Problem['reason'], params: Problem['params'] = {}): Identifier => ({ kind: 'invalid', input, problem: { reason, params } });
const email = (input: string, address: string, displayName: string | null = null): Identifier => ({ kind: 'email', input, email: address, displayName });

describe('add-customers identifiers', () => {
  it('splits on commas, semicolons and new lines, trims, drops empties and repeats', () => {
    expect(parseIdentifiers(' a@x.io, bob ;\n\nA@X.io,, carol\r\nbob ').map((entry) => entry.input)).toEqual(['a@x.io', 'bob', 'carol']);
    expect(splitIdentifiers('  ,;\n')).toEqual([]);
  });

  it('reads the names and addresses people copy from mail clients (issue 10)', () => {
    const paste = '"Dubois, Pierre" <pierre.dubois@example.org>, Zoë Åberg <zoe.aberg@example.org>, ops@example.org';
    expect(splitIdentifiers(paste)).toEqual(['"Dubois, Pierre" <pierre.dubois@example.org>', 'Zoë Åberg <zoe.aberg@example.org>', 'ops@example.org']);
    expect(parseIdentifiers(paste)).toEqual([
      email('"Dubois, Pierre" <pierre.dubois@example.org>', 'pierre.dubois@example.org', 'Dubois, Pierre'),
      email('Zoë Åberg <zoe.aberg@example.org>', 'zoe.aberg@example.org', 'Zoë Åberg'),
      email('ops@example.org', 'ops@example.org'),
    ]);
    expect(parseIdentifiers(paste).map(defaultDisplayName)).toEqual(['Dubois, Pierre', 'Zoë Åberg', 'ops']);
  });

  it('keeps separators inside quotes and comments, and lets a line end an unclosed quote', () => {
    expect(splitIdentifiers('"Ng; Lee \\"Li\\"" <li@x.org>; (work, main) kim@x.org, jdoe\n"open <o@x.org>, p@x.org\nq@x.org')).toEqual([
      '"Ng; Lee \\"Li\\"" <li@x.org>',
      '(work, main) kim@x.org',
      'jdoe',
      '"open <o@x.org>, p@x.org',
      'q@x.org',
    ]);
    expect(classifyIdentifier('"Ng; Lee \\"Li\\"" <li@x.org>')).toEqual(email('"Ng; Lee \\"Li\\"" <li@x.org>', 'li@x.org', 'Ng; Lee "Li"'));
    expect(classifyIdentifier('(work, main) kim@x.org')).toEqual(email('(work, main) kim@x.org', 'kim@x.org'));
    expect(classifyIdentifier('"open <o@x.org>, p@x.org')).toEqual(refused('"open <o@x.org>, p@x.org', 'NOT_NAME_ADDR'));
  });

  it('takes no name from an empty name or one that repeats the address, and drops repeats whatever name came with them', () => {
    expect(classifyIdentifier('<a@x.org>')).toEqual(email('<a@x.org>', 'a@x.org'));
    expect(classifyIdentifier('"A@x.org" <a@x.org>')).toEqual(email('"A@x.org" <a@x.org>', 'a@x.org'));
    expect(classifyIdentifier('  Ann   B.  Lee <a@x.org>')).toMatchObject({ displayName: 'Ann B. Lee' });
    expect(parseIdentifiers('Ann <a@x.org>, A@X.org, "Other" <a@x.org>').map((entry) => entry.input)).toEqual(['Ann <a@x.org>']);
  });

  it('NFC-normalizes, so a decomposed name or username equals the composed one', () => {
    expect(classifyIdentifier('Zoe\u0308 <z@x.org>')).toMatchObject({ displayName: 'Zoë' });
    expect(parseIdentifiers('jose\u0301, josé')).toEqual([{ kind: 'username', input: 'josé', username: 'josé' }]);
  });

  it('removes the invisible characters copying carries along, from edges, addresses and usernames (issue 10)', () => {
    expect(parseIdentifiers('ida@example.com\u200B')).toEqual([email('ida@example.com\u200B', 'ida@example.com')]);
    expect(classifyIdentifier('\uFEFF\u200Eida\u00AD@exam\u200Dple.com\u2069')).toEqual(email('\uFEFF\u200Eida\u00AD@exam\u200Dple.com\u2069', 'ida@example.com'));
    expect(classifyIdentifier('Ida \u202EX <ida@example.com\u200B>')).toEqual(email('Ida \u202EX <ida@example.com\u200B>', 'ida@example.com', 'Ida X'));
    expect(classifyIdentifier('jd\u2060oe')).toEqual({ kind: 'username', input: 'jd\u2060oe', username: 'jdoe' });
    // In a name the joiners shape letters and emoji: kept.
    expect(classifyIdentifier('\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 <m@x.org>')).toMatchObject({ displayName: '\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645' });
    expect(splitIdentifiers('a@x.org,\u200B\u200B, b@x.org')).toEqual(['a@x.org', 'b@x.org']);
  });

  it('refuses any other invisible character, naming it', () => {
    const entry = classifyIdentifier('ida\u2062@example.com');
    expect(entry).toEqual(refused('ida\u2062@example.com', 'INVISIBLE_CHARACTER', { character: '<U+2062>' }));
    expect(usernameProblem('jd\u0007oe')).toEqual({ reason: 'INVISIBLE_CHARACTER', params: { character: '<U+0007>' } });
  });

  it('gives each refused address its specific reason', () => {
    const cases: Array<[string, Problem['reason'], Problem['params']?]> = [
      ['user name@example.com', 'EMAIL_HAS_SPACE'],
      ['ida@example.com\u00A0x', 'EMAIL_HAS_SPACE'],
      ['bob@', 'EMAIL_NO_DOMAIN'],
      ['@example.com', 'EMAIL_NO_LOCAL_PART'],
      ['a@@b.com', 'EMAIL_TWO_AT'],
      ['a@b@c.com', 'EMAIL_TWO_AT'],
      ['a@b', 'EMAIL_BAD_DOMAIN', { domain: "'b'" }],
      ['a@exa_mple.com', 'EMAIL_BAD_DOMAIN', { domain: "'exa_mple.com'" }],
      ['a@-x.com', 'EMAIL_BAD_DOMAIN', { domain: "'-x.com'" }],
      ['a[1]@x.com', 'EMAIL_BAD_CHARACTER', { character: "'['" }],
      ['.a@x.com', 'EMAIL_MISPLACED_DOT'],
      ['a..b@x.com', 'EMAIL_MISPLACED_DOT'],
      [`${'a'.repeat(65)}@x.com`, 'EMAIL_LOCAL_TOO_LONG', { max: 64 }],
      [`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(60)}.com`, 'EMAIL_TOO_LONG', { max: 254 }],
      ['Pierre <pierre@>', 'EMAIL_NO_DOMAIN'],
      ['Pierre <user name@x.org>', 'EMAIL_HAS_SPACE'],
      ['Jane <jdoe>', 'EMAIL_NO_AT'],
      ['Pierre <p@x.org', 'NOT_NAME_ADDR'],
      ['x <a@x.org> trailing', 'NOT_NAME_ADDR'],
      ['"a b"@x.org', 'EMAIL_HAS_SPACE'],
    ];
    for (const [input, reason, params = {}] of cases) expect([input, classifyIdentifier(input)]).toEqual([input, refused(input, reason, params)]);
  });

  it('gives each refused username its specific reason, and accepts letters of any script', () => {
    expect(classifyIdentifier('jane_doe-2')).toEqual({ kind: 'username', input: 'jane_doe-2', username: 'jane_doe-2' });
    expect(classifyIdentifier('山田.太郎')).toMatchObject({ kind: 'username' });
    expect(classifyIdentifier('राम')).toMatchObject({ kind: 'username', username: 'राम' });
    const cases: Array<[string, Problem['reason'], Problem['params']?]> = [
      ['two words', 'USERNAME_BAD_CHARACTER', { character: "' '" }],
      ['=cmd()', 'USERNAME_BAD_START'],
      ['-leading', 'USERNAME_BAD_START'],
      ['jo+hn', 'USERNAME_BAD_CHARACTER', { character: "'+'" }],
      ['x'.repeat(65), 'USERNAME_TOO_LONG', { max: 64 }],
    ];
    for (const [input, reason, params = {}] of cases) expect([input, classifyIdentifier(input)]).toEqual([input, refused(input, reason, params)]);
  });

  it('says each reason as a sentence after the value', () => {
    expect(problemText(emailProblem('user name@example.com')!)).toBe('has a space inside the address');
    expect(problemText(emailProblem('a@exa_mple.com')!)).toBe("has 'exa_mple.com' after the @, which is not a domain like example.com");
    expect(problemText(usernameProblem('two words')!)).toBe("has ' '; a username may use letters, digits, dots, dashes and underscores");
  });

  it('normalizes entries to NFC, so a decomposed username is valid and equals the composed one', () => {
    // 'zoe' + U+0308 (COMBINING DIAERESIS), as macOS pastes it; a combining mark alone is no letter.
    expect(splitIdentifiers('zoe\u0308, zo\u00eb, Zoe\u0308@example.com')).toEqual(['zo\u00eb', 'zo\u00eb', 'Zo\u00eb@example.com']);
    expect(parseIdentifiers('zoe\u0308, zo\u00eb, Zoe\u0308@example.com').map((entry) => entry.input)).toEqual(['zo\u00eb', 'Zo\u00eb@example.com']);
    expect(classifyIdentifier(splitIdentifiers('zoe\u0308')[0])).toEqual({ kind: 'username', input: 'zo\u00eb', username: 'zo\u00eb' });
  });

  it('bounds email length', () => {
    expect(isEmail(`${'a'.repeat(64)}@${'b'.repeat(60)}.com`)).toBe(true);
    expect(isEmail(`${'a'.repeat(250)}@b.com`)).toBe(false);
  });

  it('cleans a single identifier the way it cleans a paste', () => {
    expect(cleanIdentifier(' Ida@Example.com\u200B ')).toBe('Ida@Example.com');
    expect(cleanIdentifier('jose\u0301')).toBe('josé');
  });

  it('derives the display name from the email local part or the username', () => {
    expect(defaultDisplayName(classifyIdentifier('jane.doe@example.com'))).toBe('jane.doe');
    expect(defaultDisplayName(classifyIdentifier('jdoe'))).toBe('jdoe');
  });

  it('reads Outlook\'s unquoted "Last, First <address>" as one person', () => {
    const entries = parseIdentifiers('Smith, John <john.smith@example.org>; van der Berg, Jan <jan@example.org>\nops@example.org, Doe, Jane <jane@example.org>');
    expect(entries.map((entry) => [entry.kind, defaultDisplayName(entry)])).toEqual([
      ['email', 'Smith, John'],
      ['email', 'van der Berg, Jan'],
      ['email', 'ops'],
      ['email', 'Doe, Jane'],
    ]);
    // A quoted name, or two named addresses, are not joined.
    expect(parseIdentifiers('"Dubois, Pierre" <p@example.org>, Ann <ann@example.org>').map(defaultDisplayName)).toEqual(['Dubois, Pierre', 'Ann']);
  });

  it('removes every invisible format character from a pasted name (but ZWNJ/ZWJ), and names a control character', () => {
    expect(parseIdentifiers('Bad\u2063Invisible <inv@example.org>').map(defaultDisplayName)).toEqual(['BadInvisible']);
    expect(parseIdentifiers('\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 <fa@example.org>').map(defaultDisplayName)).toEqual(['\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645']);
    const [control] = parseIdentifiers('Ctl\u0007Name <ctl@example.org>');
    expect(control).toMatchObject({ kind: 'invalid', problem: { reason: 'INVISIBLE_CHARACTER', params: { character: '<U+0007>' } } });
  });

  it('reads full-width addresses and usernames (as Japanese input methods type them) as ASCII', () => {
    expect(parseIdentifiers('Ｆｕｌｌ＠ｅｘａｍｐｌｅ．ｏｒｇ, ｙａｍａｄａ')).toMatchObject([
      { kind: 'email', email: 'Full@example.org' },
      { kind: 'username', username: 'yamada' },
    ]);
    expect(cleanIdentifier('ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ')).toBe('yamada@example.jp');
  });

  it('keeps an external id as written but NFC and trimmed, and refuses control characters and more than 255 code points', () => {
    expect(cleanExternalId(' Jose\u0301-1\t')).toBe('Jos\u00e9-1');
    expect(cleanExternalId('Ab-1')).not.toBe(cleanExternalId('ab-1'));
    expect(externalIdProblem('Ab-1')).toBeNull();
    expect(externalIdProblem('a\u0007b')).toEqual({ reason: 'CONTROL_CHARACTERS', params: {} });
    expect(externalIdProblem('😀'.repeat(255))).toBeNull();
    expect(externalIdProblem('x'.repeat(256))).toEqual({ reason: 'TOO_LONG', params: { max: 255 } });
  });
});
