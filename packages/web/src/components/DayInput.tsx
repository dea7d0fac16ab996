import { checkIsoDay } from '@cp/shared';
import { ActionIcon, Loader, Popover, TextInput } from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyNamed } from '../app/lazy-named';

const DayCalendar = lazyNamed(() => import('./DayCalendar'), 'DayCalendar');

interface DayInputProps {
  /** The text as typed, or a day (YYYY-MM-DD) picked from the calendar. */
  value: string;
  onChange: (text: string) => void;
  'aria-label': string;
  error?: string;
  autoFocus?: boolean;
}

/**
 * A calendar day typed as YYYY-MM-DD or picked from a calendar (a text box
 * with a "choose a day" button, the WAI-ARIA date picker dialog pattern).
 * The text stays exactly as typed: the form checks it with the shared codec
 * and shows what is wrong. Nothing here reads dates loosely, so an impossible
 * day such as 2026-02-29 is never turned into another one (issue 10: Mantine's
 * DateInput let dayjs roll it over to 1 March).
 */
export function DayInput({ value, onChange, error, autoFocus, 'aria-label': label }: DayInputProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const typed = checkIsoDay(value.trim());
  const day = typed.ok ? typed.day : null;
  // Fetched as soon as a day can be typed, so the calendar is there by the time its button is pressed;
  // a failure shows when it renders (as the page's error).
  useEffect(() => {
    DayCalendar.preload().catch(() => undefined);
  }, []);
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" trapFocus returnFocus>
      <TextInput
        aria-label={label}
        error={error}
        autoFocus={autoFocus}
        placeholder="YYYY-MM-DD"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        rightSection={
          <Popover.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t('dates.chooseDay', { label })} aria-expanded={opened} onClick={() => setOpened((o) => !o)}>
              <IconCalendar size={16} aria-hidden />
            </ActionIcon>
          </Popover.Target>
        }
      />
      <Popover.Dropdown
        // Escape closes only the calendar, not the editor or dialog around it (React events bubble out of portals).
        onKeyDown={(event) => {
          if (event.key === 'Escape') event.stopPropagation();
        }}
      >
        <Suspense fallback={<Loader size="sm" role="progressbar" aria-label={t('app.loading')} />}>
          <DayCalendar
            day={day}
            onPick={(picked) => {
              onChange(picked ?? '');
              setOpened(false);
            }}
          />
        </Suspense>
      </Popover.Dropdown>
    </Popover>
  );
}
