import { cleanNoteBody, MAX_NOTE_LENGTH, noteBodyLength, noteSegments } from './notes';
import { problem, problemText } from './problems';

const refusal = (body: string) => {
  const result = cleanNoteBody(body);
  return result.ok ? null : result.problem;
};

describe('cleanNoteBody', () => {
  it('stores LF line breaks, trimmed, NFC, keeping tabs and inner blank lines', () => {
    expect(cleanNoteBody('  Called back.\r\n\r\n\tRefund sent\rDone  \n')).toEqual({ ok: true, body: 'Called back.\n\n\tRefund sent\nDone' });
    expect(cleanNoteBody('Cafe\u0301')).toEqual({ ok: true, body: 'Café' });
  });

  it('refuses an empty body, control characters and more than 10,000 code points, each with its reason', () => {
    expect(refusal(' \r\n\t ')).toEqual(problem('INVALID_NOTE_BODY', { problem: problem('EMPTY') }));
    expect(refusal('\u3000\u00a0\u200b\u200e\n\ufeff')).toEqual(problem('INVALID_NOTE_BODY', { problem: problem('EMPTY') }));
    expect(refusal('bell\u0007')).toEqual(problem('INVALID_NOTE_BODY', { problem: problem('CONTROL_CHARACTERS') }));
    expect(refusal('c1\u0085')).toEqual(problem('INVALID_NOTE_BODY', { problem: problem('CONTROL_CHARACTERS') }));
    expect(refusal('lone \ud800 surrogate')).toEqual(problem('INVALID_NOTE_BODY', { problem: problem('CONTROL_CHARACTERS') }));
    const tooLong = refusal('x'.repeat(MAX_NOTE_LENGTH + 1));
    expect(tooLong).toEqual(problem('INVALID_NOTE_BODY', { problem: problem('TOO_LONG', { max: 10_000 }) }));
    expect(problemText(tooLong!)).toBe('The note must be at most 10,000 characters');
  });

  it('counts code points, as a person does: 10,000 emoji fit, and the count ignores what trimming drops', () => {
    expect(cleanNoteBody('😀'.repeat(MAX_NOTE_LENGTH)).ok).toBe(true);
    expect(refusal('😀'.repeat(MAX_NOTE_LENGTH + 1))?.reason).toBe('INVALID_NOTE_BODY');
    expect(noteBodyLength('  😀a\r\nb  ')).toBe(4);
  });
});

describe('noteSegments', () => {
  const links = (body: string) => noteSegments(body).filter((s) => s.kind === 'link');

  it('makes http(s) links and www. addresses links, keeping line breaks and the text around them', () => {
    const body = 'See https://example.com/a?b=1&c=2.\nAnd www.example.org, or http://x.test/path)';
    expect(noteSegments(body)).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.com/a?b=1&c=2', href: 'https://example.com/a?b=1&c=2' },
      { kind: 'text', text: '.\nAnd ' },
      { kind: 'link', text: 'www.example.org', href: 'http://www.example.org' },
      { kind: 'text', text: ', or ' },
      { kind: 'link', text: 'http://x.test/path', href: 'http://x.test/path' },
      { kind: 'text', text: ')' },
    ]);
  });

  it.each([
    ['a script tag', '<script>alert(1)</script>'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a javascript: URL in any case, with a comment', 'JaVaScRiPt://%0aalert(1)'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['markup breaking out of an attribute', '"><img src=x onerror=alert(1)>'],
    ['a bare domain or an address', 'report.py mail ida@example.com //evil.test'],
  ])('keeps %s as plain text', (_, body) => {
    expect(noteSegments(body)).toEqual([{ kind: 'text', text: body }]);
  });

  it('never lets a link href be anything but http(s), and gives the body back whole', () => {
    const body = 'x javascript:alert(1) https://ok.test/"><img onerror=alert(1)> ftp://files.test mailto:a@b.test www.example.com';
    expect(links(body).map((s) => s.kind === 'link' && s.href)).toEqual(['https://ok.test/', 'http://www.example.com']);
    expect(noteSegments(body).map((s) => s.text).join('')).toBe(body);
  });
});
