import { Notifications } from '@mantine/notifications';

/**
 * Where notifications.show() toasts appear. A module of its own, loaded with
 * the first toast (App): a lazy import of '@mantine/notifications' itself would
 * be the same module as the store everyone imports, and so not split off.
 */
export function Toasts() {
  return <Notifications position="top-right" />;
}
