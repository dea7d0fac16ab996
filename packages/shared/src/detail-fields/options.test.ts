import { cleanLabel, cleanOptions } from './options';

describe('cleanOptions', () => {
  it('trims, normalizes to NFC and keeps the order', () => {
    expect(cleanOptions(['  Gold ', 'Silver', 'Qualite\u0301', '\u3000Bronze'])).toEqual({ ok: true, options: ['Gold', 'Silver', 'Qualité', 'Bronze'] });
  });

  it('rejects repeats ignoring case and unicode form, naming both', () => {
    expect(cleanOptions(['Gold', 'Silver', ' gold'])).toEqual({ ok: false, reason: "option 'gold' repeats 'Gold'" });
    expect(cleanOptions(['Qualité', 'QUALITE\u0301'])).toEqual({ ok: false, reason: "option 'QUALITÉ' repeats 'Qualité'" });
  });

  it('rejects empty, overlong and control-character options', () => {
    expect(cleanOptions(['Gold', '  '])).toEqual({ ok: false, reason: 'option 2 must not be empty' });
    expect(cleanOptions(['x'.repeat(200)])).toEqual({ ok: true, options: ['x'.repeat(200)] });
    expect(cleanOptions(['x'.repeat(201)])).toEqual({ ok: false, reason: `option '${'x'.repeat(40)}…' must be at most 200 characters` });
    expect(cleanOptions(['Gold\nSilver'])).toEqual({ ok: false, reason: "option 'Gold Silver' must not contain control characters" });
  });

  it('requires 1 to 500 options', () => {
    expect(cleanOptions([])).toEqual({ ok: false, reason: 'must have at least one option' });
    const many = Array.from({ length: 501 }, (_, i) => `Option ${i}`);
    expect(cleanOptions(many.slice(0, 500))).toMatchObject({ ok: true });
    expect(cleanOptions(many)).toEqual({ ok: false, reason: 'must have at most 500 options' });
  });
});

describe('cleanLabel', () => {
  it('trims and normalizes', () => {
    expect(cleanLabel('  Niveau de qualite\u0301 ')).toEqual({ ok: true, label: 'Niveau de qualité' });
    expect(cleanLabel('契約ランク')).toEqual({ ok: true, label: '契約ランク' });
  });

  it('requires 1 to 100 characters without controls', () => {
    expect(cleanLabel(' \u00a0 ')).toEqual({ ok: false, reason: 'must not be empty' });
    expect(cleanLabel('😀'.repeat(100))).toEqual({ ok: true, label: '😀'.repeat(100) });
    expect(cleanLabel('x'.repeat(101))).toEqual({ ok: false, reason: 'must be at most 100 characters' });
    expect(cleanLabel('Tier\tlevel')).toEqual({ ok: false, reason: 'must not contain control characters' });
  });
});
