import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Dates formatted for the UI language, not the browser's. (Numbers inside
 * messages go through i18next's `{{value, number}}` format, also Intl-based.)
 */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    const units = (unit: string) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 });
    const [kilobytes, megabytes, gigabytes] = ['kilobyte', 'megabyte', 'gigabyte'].map(units);
    // Bytes in full: the short form is "452 byte" in English and Japanese alike; the long one is "452 bytes", "452 バイト".
    const bytes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
    return {
      /** A file's size in the largest unit under 1,024 of it: "980 bytes", "1.5 MB" ("980 バイト" in Japanese). */
      fileSize: (size: number) => {
        if (size < 1024) return bytes.format(size);
        if (size < 1024 ** 2) return kilobytes.format(size / 1024);
        if (size < 1024 ** 3) return megabytes.format(size / 1024 ** 2);
        return gigabytes.format(size / 1024 ** 3);
      },
      date: (iso: string) => date.format(new Date(iso)),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      /** "3 hours ago", "yesterday", "2 years ago": the largest unit that fits, in the UI language. */
      relative: (iso: string, now = Date.now()) => {
        const [value, unit] = relativeUnit((new Date(iso).getTime() - now) / 1000);
        return relative.format(value, unit);
      },
    };
  }, [locale]);
}

// Thresholds as Moment.js and Day.js round them (45 s, 45 min, 22 h, 26 d, 11 months), so "1 month ago" starts at 26 days.
const STEPS: Array<[Intl.RelativeTimeFormatUnit, number, number]> = [
  ['second', 1, 45],
  ['minute', 60, 45],
  ['hour', 3600, 22],
  ['day', 86_400, 26],
  ['month', 2_629_746, 11],
];

function relativeUnit(seconds: number): [number, Intl.RelativeTimeFormatUnit] {
  for (const [unit, size, limit] of STEPS) {
    if (Math.abs(seconds) / size < limit) return [unit === 'second' ? 0 : Math.round(seconds / size), unit];
  }
  return [Math.round(seconds / 31_556_952), 'year'];
}
