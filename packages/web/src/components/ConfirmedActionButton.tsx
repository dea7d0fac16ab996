import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useRef } from 'react';
import { useDialogAction } from '../app/dialog-action';
import { lazyNamed, prefetchOn } from '../app/lazy-named';
import { DelayedLoader } from './DelayedLoader';
import { useEverTrue } from './use-ever-true';

// Modal's code downloads when the visitor reaches a button (or presses it), not with the rows that have one.
const ConfirmDialog = lazyNamed(() => import('./ConfirmDialog'), 'ConfirmDialog');

interface ConfirmedActionButtonProps {
  /** The small red button's text, and its accessible name (which names its target: "Remove Zoë from Acme"). */
  label: string;
  accessibleName: string;
  /** The question: the dialog's title, what it will do, and the confirming button's text. */
  title: string;
  body: string;
  confirmLabel: string;
  loading: boolean;
  /** Does it; resolves to the message shown once done (refusals are shown by `useDialogAction`). */
  action: () => Promise<string>;
}

/** A destructive action on one row (revoke, delete, remove) that asks first, in a dialog with Cancel. */
export function ConfirmedActionButton({ label, accessibleName, title, body, confirmLabel, loading, action }: ConfirmedActionButtonProps) {
  const [confirming, confirm] = useDisclosure(false);
  const confirmingOnce = useEverTrue(confirming);
  const button = useRef<HTMLButtonElement>(null);
  // Focus is returned by hand (the dialog's own return would target a button that may be gone): cancelling
  // goes back to the button; once done, the row usually goes away with its button, so focus goes to the tab
  // (or page) the button was in rather than falling to the page's body. While the dialog is still shown its
  // focus trap holds the focus, so the target is focused when it has gone; if the action already removed
  // this component (the row left the cache), at once.
  const container = useRef<HTMLElement | null>(null);
  const focusAfterClose = useRef<HTMLElement | null>(null);
  const open = () => {
    container.current = button.current?.closest<HTMLElement>('[role="tabpanel"], main') ?? null;
    confirm.open();
  };
  const cancel = () => {
    focusAfterClose.current = button.current;
    confirm.close();
  };
  const run = useDialogAction(() => {
    const target = container.current;
    if (target && !target.hasAttribute('tabindex')) target.tabIndex = -1;
    if (button.current?.isConnected) {
      focusAfterClose.current = target;
      confirm.close();
    } else {
      target?.focus();
    }
  });
  return (
    <>
      <Button ref={button} size="compact-sm" variant="subtle" color="red" onClick={open} {...prefetchOn(ConfirmDialog.preload)} aria-label={accessibleName}>
        {label}
      </Button>
      {confirmingOnce && (
        <Suspense fallback={<DelayedLoader dialog />}>
          <ConfirmDialog
            opened={confirming}
            title={title}
            body={body}
            confirmLabel={confirmLabel}
            loading={loading}
            onCancel={cancel}
            onConfirm={() => void run(action)}
            onClosed={() => focusAfterClose.current?.focus()}
          />
        </Suspense>
      )}
    </>
  );
}
