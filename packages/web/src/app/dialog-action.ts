import { notifications } from '@mantine/notifications';
import { useNotifyError } from './errors';

/**
 * How a dialog finishes its action: on success a green toast says what was
 * done and the dialog closes. On failure it stays open with what was typed:
 * an error the dialog can show itself (beside a field, or as a conflict) is
 * left to `showInDialog`, which returns true when it did; any other becomes a
 * red toast.
 */
export function useDialogAction(onDone: () => void) {
  const notifyError = useNotifyError();
  return async function run(
    /** Resolves to the success message, or to undefined when there is nothing to say. */
    action: () => Promise<string | undefined>,
    showInDialog?: (error: unknown) => boolean,
  ) {
    try {
      const message = await action();
      if (message) notifications.show({ color: 'green', message });
      onDone();
    } catch (error) {
      if (!showInDialog?.(error)) notifyError(error);
    }
  };
}
