import { checkIsoDay } from './dates';

describe('checkIsoDay: a day is read strictly, never rolled over', () => {
  it('accepts real days, leap days included', () => {
    for (const day of ['2026-03-01', '2024-02-29', '2000-02-29', '2026-12-31', '1000-01-01', '9999-12-31']) {
      expect(checkIsoDay(day)).toEqual({ ok: true, day, utcMidnight: new Date(`${day}T00:00:00Z`) });
    }
  });

  it('refuses a day past the end of its month and says how many days the month has (issue 10: 2026-02-29)', () => {
    expect(checkIsoDay('2026-02-29')).toEqual({ ok: false, problem: { kind: 'day', year: 2026, month: 2, lastDay: 28 } });
    expect(checkIsoDay('1900-02-29')).toEqual({ ok: false, problem: { kind: 'day', year: 1900, month: 2, lastDay: 28 } });
    expect(checkIsoDay('2026-04-31')).toEqual({ ok: false, problem: { kind: 'day', year: 2026, month: 4, lastDay: 30 } });
    expect(checkIsoDay('2026-01-00')).toEqual({ ok: false, problem: { kind: 'day', year: 2026, month: 1, lastDay: 31 } });
  });

  it('refuses a month outside 01–12 (issue 10: 2026-13-01)', () => {
    expect(checkIsoDay('2026-13-01')).toEqual({ ok: false, problem: { kind: 'month', month: 13 } });
    expect(checkIsoDay('2026-00-10')).toEqual({ ok: false, problem: { kind: 'month', month: 0 } });
  });

  it('refuses years before 1000 and every other notation', () => {
    expect(checkIsoDay('0999-12-31')).toEqual({ ok: false, problem: { kind: 'year' } });
    for (const text of ['2026-3-1', '2026/03/01', '01.03.2026', '20260301', '2026-03-01T00:00:00Z', ' 2026-03-01', 'March 1, 2026', '']) {
      expect(checkIsoDay(text)).toEqual({ ok: false, problem: { kind: 'format' } });
    }
  });
});
