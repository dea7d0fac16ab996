import { Badge, createTheme, darken, Modal, MultiSelect, Notification, Select, type CSSVariablesResolver } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import type { TFunction } from 'i18next';
import classes from './theme.module.css';

// Japanese glyphs come from the platform's CJK fonts when the Latin ones lack them.
const fontFamily =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Hiragino Sans", "Noto Sans JP", "Noto Sans CJK JP", Meiryo, sans-serif';

/**
 * The app's theme in the UI language. Mantine draws some icon-only buttons
 * itself (dialog and toast close buttons, clear buttons, the calendar's
 * previous/next and level controls); the defaults here give every one of them
 * a name, so no screen can forget (issue 10: axe found the dialogs' close
 * buttons and the calendar arrows unnamed).
 */
export function createAppTheme(t: TFunction) {
  const closeButtonProps = { 'aria-label': t('app.close') };
  const clearButtonProps = { 'aria-label': t('app.clear') };
  return createTheme({
    primaryColor: 'indigo',
    // Shade 8 is the first indigo with 4.5:1 against white and against its own light tint (WCAG AA
    // for text): Mantine's default 6 left filled buttons and links at 4.3:1.
    primaryShade: 8,
    defaultRadius: 'md',
    fontFamily,
    headings: { fontFamily },
    components: {
      // Badges carry names (teams, people) whose case matters.
      Badge: Badge.extend({ styles: { root: { textTransform: 'none' } } }),
      Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
      Notification: Notification.extend({ defaultProps: { closeButtonProps } }),
      Select: Select.extend({ defaultProps: { clearButtonProps } }),
      MultiSelect: MultiSelect.extend({ defaultProps: { clearButtonProps } }),
      DatePicker: DatePicker.extend({
        classNames: { day: classes.day },
        defaultProps: {
          // Days of the neighbouring months are drawn faded, below 4.5:1; the arrows reach them.
          hideOutsideDates: true,
          ariaLabels: {
            previousMonth: t('dates.previousMonth'),
            nextMonth: t('dates.nextMonth'),
            previousYear: t('dates.previousYear'),
            nextYear: t('dates.nextYear'),
            previousDecade: t('dates.previousDecade'),
            nextDecade: t('dates.nextDecade'),
            monthLevelControl: t('dates.chooseMonth'),
            yearLevelControl: t('dates.chooseYear'),
          },
        },
      }),
    },
  });
}

/**
 * Text colors with at least 4.5:1 against their background (WCAG AA, checked
 * by axe in the browser tests). Mantine's defaults fall short for dimmed text
 * (gray 6, 3.3:1 on white), errors (red 6, 3.3:1) and the text of light
 * variants (shade 9 on the hovered shade 2: green badges and alerts 3.8:1,
 * yellow 2.5:1); shade 9 darkened by 30 % gives every color at least 4.7:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    ...Object.fromEntries(Object.entries(theme.colors).map(([name, shades]) => [`--mantine-color-${name}-light-color`, darken(shades[9], 0.3)])),
  },
  dark: {},
});
