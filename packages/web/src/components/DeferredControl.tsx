import { Suspense, useRef, useState, type FocusEvent, type ReactElement, type ReactNode } from 'react';

/** Handlers a placeholder spreads on its button or text box. */
export interface PlaceholderHandlers {
  onPointerEnter: () => void;
  onPointerDown?: () => void;
  onFocus: (event: FocusEvent) => void;
  onClick?: () => void;
}

interface DeferredControlProps {
  /** `button`: a button that opens a popover or menu; `input`: a text box that opens a list. */
  trigger: 'button' | 'input';
  /** Starts downloading the real control (lazyNamed's preload). */
  preload: () => Promise<unknown>;
  /** The control as it looks closed, with `handlers` on its button or text box. */
  placeholder: (handlers: PlaceholderHandlers) => ReactElement;
  /** The real control (lazily loaded), taking the focus (`autoFocus`), opened at once when `opened`. */
  children: (opened: boolean) => ReactNode;
}

/**
 * A control whose dropdown code (Mantine's Popover, Menu or Combobox and
 * floating-ui under them, about 30 kB gzip) downloads when the visitor reaches
 * for it, not with the page. Until then the page draws `placeholder`, the
 * control as it looks closed. Pointing at it or focusing it starts the
 * download; pressing the button, or focusing the text box (typing comes next),
 * swaps in the real control (the placeholder stays while it downloads), opened
 * when it was pressed. A failed download shows where the control renders (the
 * page's error boundary).
 */
export function DeferredControl({ trigger, preload, placeholder, children }: DeferredControlProps) {
  const [used, setUsed] = useState<{ opened: boolean } | null>(null);
  // A press focuses a text box before its click: the focus handler learns from this that it was a press.
  const pressed = useRef(false);
  const warm = () => void preload().catch(() => undefined);
  const handlers: PlaceholderHandlers =
    trigger === 'button'
      ? { onPointerEnter: warm, onFocus: warm, onClick: () => setUsed({ opened: true }) }
      : {
          onPointerEnter: warm,
          onPointerDown: () => {
            pressed.current = true;
          },
          onFocus: () => setUsed({ opened: pressed.current }),
        };
  const closed = placeholder(handlers);
  if (!used) return closed;
  return <Suspense fallback={closed}>{children(used.opened)}</Suspense>;
}
