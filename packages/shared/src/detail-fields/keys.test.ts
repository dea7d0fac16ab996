import { DETAIL_KEY_PATTERN, detailFieldKeyFromLabel } from './keys';

const none = new Set<string>();

describe('detailFieldKeyFromLabel', () => {
  it('makes a lowercase ASCII slug with underscores', () => {
    expect(detailFieldKeyFromLabel('Support tier', none)).toBe('support_tier');
    expect(detailFieldKeyFromLabel('  Contract -- End (UTC)! ', none)).toBe('contract_end_utc');
    expect(detailFieldKeyFromLabel('snake_case_Already', none)).toBe('snake_case_already');
  });

  it('removes diacritics and folds compatibility forms', () => {
    expect(detailFieldKeyFromLabel('Niveau de qualité', none)).toBe('niveau_de_qualite');
    expect(detailFieldKeyFromLabel('Niveau de qualite\u0301', none)).toBe('niveau_de_qualite');
    expect(detailFieldKeyFromLabel('Ｐｌａｎ ①', none)).toBe('plan_1');
  });

  it("falls back to 'field' when no ASCII letter or digit survives", () => {
    expect(detailFieldKeyFromLabel('契約ランク', none)).toBe('field');
    expect(detailFieldKeyFromLabel('🚀', none)).toBe('field');
    expect(detailFieldKeyFromLabel('契約ランク', new Set(['field']))).toBe('field_2');
    expect(detailFieldKeyFromLabel('VIP 契約', none)).toBe('vip');
  });

  it("starts with a letter: 'f_' before a leading digit", () => {
    expect(detailFieldKeyFromLabel('2FA enabled', none)).toBe('f_2fa_enabled');
    expect(detailFieldKeyFromLabel('__42', none)).toBe('f_42');
  });

  it('appends _2, _3 … on collision, case-sensitively', () => {
    expect(detailFieldKeyFromLabel('Tier', new Set(['tier']))).toBe('tier_2');
    expect(detailFieldKeyFromLabel('Tier', new Set(['tier', 'tier_2', 'tier_3']))).toBe('tier_4');
    expect(detailFieldKeyFromLabel('Tier', new Set(['Tier']))).toBe('tier');
  });

  it('keeps long labels, suffixed or not, within 48 characters and without a dangling _', () => {
    const long = 'Customer success manager assigned for the enterprise renewal negotiation';
    const key = detailFieldKeyFromLabel(long, none);
    expect(key).toBe('customer_success_manager_assigned_for_the_enterp');
    expect(key).toHaveLength(48);
    expect(detailFieldKeyFromLabel(long, new Set([key]))).toBe('customer_success_manager_assigned_for_the_ente_2');
    // The cut would end on '_' before the suffix; it is dropped rather than doubled.
    expect(detailFieldKeyFromLabel(`${'a'.repeat(45)} b c`, new Set([`${'a'.repeat(45)}_b`]))).toBe(`${'a'.repeat(45)}_2`);
    const taken = new Set<string>();
    for (let i = 0; i < 120; i++) taken.add(detailFieldKeyFromLabel(long, taken));
    expect(taken.size).toBe(120);
    expect([...taken].every((k) => DETAIL_KEY_PATTERN.test(k))).toBe(true);
  });

  it('always produces a key the pattern accepts', () => {
    for (const label of ['x', '9', '契約', 'É', '-', 'a'.repeat(500), '1'.repeat(500), 'Ünïcödé—Ŧëxŧ']) {
      expect(detailFieldKeyFromLabel(label, none)).toMatch(DETAIL_KEY_PATTERN);
      expect(detailFieldKeyFromLabel(label, new Set([detailFieldKeyFromLabel(label, none)]))).toMatch(DETAIL_KEY_PATTERN);
    }
  });
});

describe('DETAIL_KEY_PATTERN', () => {
  it('accepts lowercase slugs of 1 to 48 characters starting with a letter', () => {
    for (const key of ['a', 'tier', 'tier_2', 'a'.repeat(48)]) expect(key).toMatch(DETAIL_KEY_PATTERN);
    for (const key of ['', '2fa', '_a', 'Tier', 'a-b', 'a'.repeat(49), 'qualité']) expect(key).not.toMatch(DETAIL_KEY_PATTERN);
  });
});
