import { Badge, createTheme } from '@mantine/core';

// Japanese glyphs come from the platform's CJK fonts when the Latin ones lack them.
const fontFamily =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Hiragino Sans", "Noto Sans JP", "Noto Sans CJK JP", Meiryo, sans-serif';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily,
  headings: { fontFamily },
  components: {
    // Badges carry names (teams, people) whose case matters.
    Badge: Badge.extend({ styles: { root: { textTransform: 'none' } } }),
  },
});
