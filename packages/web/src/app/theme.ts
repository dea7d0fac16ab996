import {
  createTheme,
  darken,
  type BadgeFactory,
  type CSSVariablesResolver,
  type ExtendComponent,
  type FactoryPayload,
  type MantineThemeComponent,
  type ModalFactory,
  type MultiSelectFactory,
  type NotificationFactory,
  type SelectFactory,
} from '@mantine/core';
import type { DatePickerFactory } from '@mantine/dates';
import type { TFunction } from 'i18next';
import classes from './theme.module.css';

// Japanese glyphs come from the platform's CJK fonts when the Latin ones lack them.
const fontFamily =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Hiragino Sans", "Noto Sans JP", "Noto Sans CJK JP", Meiryo, sans-serif';

/**
 * What `Component.extend(settings)` gives, typed by the component's factory
 * alone: calling `Select.extend` here would make the theme import Select and
 * everything it is built from, and the theme is part of every screen's code,
 * while Select, Modal or the calendar are needed by some screens only.
 */
function extend<Payload extends FactoryPayload>(settings: ExtendComponent<Payload>): MantineThemeComponent {
  return settings as MantineThemeComponent;
}

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
      Badge: extend<BadgeFactory>({ styles: { root: { textTransform: 'none' } } }),
      Modal: extend<ModalFactory>({ defaultProps: { closeButtonProps } }),
      Notification: extend<NotificationFactory>({ defaultProps: { closeButtonProps } }),
      Select: extend<SelectFactory>({ defaultProps: { clearButtonProps } }),
      MultiSelect: extend<MultiSelectFactory>({ defaultProps: { clearButtonProps } }),
      DatePicker: extend<DatePickerFactory>({
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
