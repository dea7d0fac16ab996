import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/i18n/format';

// Largest unit first: "3 days ago" rather than "72 hours ago".
const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 hours ago" in the UI language; the exact date and time on hover (title) and for machines (dateTime). */
export function RelativeTime({ iso }: { iso: string }) {
  const { i18n } = useTranslation();
  const format = useFormat();
  const seconds = (new Date(iso).getTime() - Date.now()) / 1000;
  const [unit, size] = UNITS.find(([, s]) => Math.abs(seconds) >= s) ?? ['second', 1];
  const text = new Intl.RelativeTimeFormat(i18n.resolvedLanguage ?? i18n.language, { numeric: 'auto' }).format(Math.round(seconds / size), unit);
  return (
    <time dateTime={iso} title={format.dateTime(iso)}>
      {text}
    </time>
  );
}
