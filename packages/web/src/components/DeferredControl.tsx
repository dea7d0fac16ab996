import { Suspense, useEffect, useRef, useState, type FocusEvent, type ReactElement, type ReactNode } from 'react';
import { whenIdle } from '../app/when-idle';

/** Handlers a placeholder spreads on its button or text box. */
export interface PlaceholderHandlers {
  onPointerEnter: () => void;
  onPointerDown?: () => void;
  onFocus: (event: FocusEvent) => void;
  onBlur: () => void;
  onClick?: () => void;
}

/** How the real control comes in: `opened` at once (it was pressed), `focused` (it takes the focus: the visitor is on it). */
export interface DeferredUse {
  opened: boolean;
  focused: boolean;
}

interface DeferredControlProps {
  /** `button`: a button that opens a popover or menu; `input`: a text box that opens a list. */
  trigger: 'button' | 'input';
  /** Starts downloading the real control (lazyNamed's preload). */
  preload: () => Promise<unknown>;
  /** The control as it looks closed, with `handlers` on its button or text box. */
  placeholder: (handlers: PlaceholderHandlers) => ReactElement;
  /** The real control (lazily loaded), taking the focus (`autoFocus`) when `focused`, opened at once when `opened`. */
  children: (use: DeferredUse) => ReactNode;
}

/**
 * A control whose dropdown code (Mantine's Popover, Menu or Combobox and
 * floating-ui under them, about 30 kB gzip) is not part of the page's first
 * download. The page draws `placeholder`, the control as it looks closed,
 * and downloads the real one once the browser is idle, swapping it in while
 * the visitor is not on the placeholder, so that in practice they only ever
 * use the real control (a placeholder that is pressed or focused loses
 * neither keys nor focus to a swap it did not expect). Should the visitor
 * reach it first, pointing at it or focusing it hurries the download, and
 * pressing the button, or focusing the text box, swaps in the real control
 * with the focus (the placeholder stays while it downloads), opened when it
 * was pressed. A failed download shows where the control renders (the
 * page's error boundary).
 */
export function DeferredControl({ trigger, preload, placeholder, children }: DeferredControlProps) {
  const [use, setUse] = useState<DeferredUse | null>(null);
  // A press focuses a text box before its click: the focus handler learns from this that it was a press.
  const pressed = useRef(false);
  const onPlaceholder = useRef(false);
  const loaded = useRef(false);
  const swapQuietly = () => setUse((current) => current ?? { opened: false, focused: false });

  useEffect(() => {
    let live = true;
    const cancel = whenIdle(() => {
      preload().then(
        () => {
          loaded.current = true;
          if (live && !onPlaceholder.current) swapQuietly();
        },
        () => undefined,
      );
    });
    return () => {
      live = false;
      cancel();
    };
  }, [preload]);

  const warm = () => void preload().catch(() => undefined);
  const leave = () => {
    onPlaceholder.current = false;
    // Downloaded while the visitor was on the placeholder: it goes as they leave it.
    if (loaded.current) swapQuietly();
  };
  const handlers: PlaceholderHandlers =
    trigger === 'button'
      ? {
          onPointerEnter: warm,
          onFocus: () => {
            onPlaceholder.current = true;
            warm();
          },
          onBlur: leave,
          onClick: () => setUse({ opened: true, focused: true }),
        }
      : {
          onPointerEnter: warm,
          onPointerDown: () => {
            pressed.current = true;
          },
          onFocus: () => {
            onPlaceholder.current = true;
            setUse({ opened: pressed.current, focused: true });
          },
          onBlur: leave,
        };
  const closed = placeholder(handlers);
  if (!use) return closed;
  return <Suspense fallback={closed}>{children(use)}</Suspense>;
}
