import { problemText, type Problem } from '../problems';
import { cleanLabel, cleanOptions } from './options';

/** The English text of a refusal, or the result itself when accepted (so a wrong acceptance shows in the diff). */
const english = (result: { ok: true } | { ok: false; problem: Problem }) => (result.ok ? result : problemText(result.problem));

describe('cleanOptions', () => {
  it('trims, normalizes to NFC and keeps the order', () => {
    expect(cleanOptions(['  Gold ', 'Silver', 'Qualite\u0301', '\u3000Bronze'])).toEqual({ ok: true, options: ['Gold', 'Silver', 'Qualité', 'Bronze'] });
  });

  it('rejects repeats ignoring case and unicode form, naming both', () => {
    expect(english(cleanOptions(['Gold', 'Silver', ' gold']))).toBe("option 'gold' repeats 'Gold' (options must differ beyond upper and lower case)");
    expect(english(cleanOptions(['Qualité', 'QUALITE\u0301']))).toBe("option 'QUALITÉ' repeats 'Qualité' (options must differ beyond upper and lower case)");
  });

  it('rejects empty, overlong and control-character options', () => {
    expect(english(cleanOptions(['Gold', '  ']))).toBe('option number 2 must not be empty');
    expect(cleanOptions(['x'.repeat(200)])).toEqual({ ok: true, options: ['x'.repeat(200)] });
    expect(english(cleanOptions(['x'.repeat(201)]))).toBe(`option '${'x'.repeat(40)}…' must be at most 200 characters`);
    expect(english(cleanOptions(['Gold\nSilver']))).toBe("option 'Gold<U+000A>Silver' must not contain control characters");
  });

  it('requires 1 to 500 options', () => {
    expect(english(cleanOptions([]))).toBe('must have at least one option');
    const many = Array.from({ length: 501 }, (_, i) => `Option ${i}`);
    expect(cleanOptions(many.slice(0, 500))).toMatchObject({ ok: true });
    expect(english(cleanOptions(many))).toBe('must have at most 500 options');
  });
});

describe('cleanLabel', () => {
  it('trims and normalizes', () => {
    expect(cleanLabel('  Niveau de qualite\u0301 ')).toEqual({ ok: true, label: 'Niveau de qualité' });
    expect(cleanLabel('契約ランク')).toEqual({ ok: true, label: '契約ランク' });
  });

  it('requires 1 to 100 characters without controls', () => {
    expect(english(cleanLabel(' \u00a0 '))).toBe('must not be empty');
    expect(cleanLabel('😀'.repeat(100))).toEqual({ ok: true, label: '😀'.repeat(100) });
    expect(english(cleanLabel('x'.repeat(101)))).toBe('must be at most 100 characters');
    expect(english(cleanLabel('Tier\tlevel'))).toBe('must not contain control characters');
  });
});
