import { DatePicker, DatesProvider } from '@mantine/dates';
import 'dayjs/locale/ja';
import { useTranslation } from 'react-i18next';
import { toLanguage } from '../app/i18n/languages';

interface DayCalendarProps {
  /** The day shown as picked (YYYY-MM-DD), or none. */
  day: string | null;
  onPick: (day: string | null) => void;
}

/**
 * DayInput's calendar, with months and weekdays named in the UI language. A
 * module of its own, loaded lazily: @mantine/dates and dayjs are needed only
 * where a DATE value is edited or filtered, never by the first screen.
 */
export function DayCalendar({ day, onPick }: DayCalendarProps) {
  const { i18n } = useTranslation();
  return (
    <DatesProvider settings={{ locale: toLanguage(i18n.resolvedLanguage) }}>
      <DatePicker value={day} defaultDate={day ?? undefined} onChange={onPick} />
    </DatesProvider>
  );
}
