import { Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';

interface ArrivalTitleProps {
  /** What the page is about (a customer, an organization): focus moves here again when it changes. */
  subject: string;
  children: ReactNode;
}

/**
 * The h1 of a record's page, focused when the page opens (or shows another
 * record), so keyboard and screen-reader users start on the page they opened
 * (say, with Enter on a list row) instead of on the document's body, where
 * the clicked row left focus when it went. Focusable by script only
 * (tabIndex -1), not a Tab stop.
 */
export function ArrivalTitle({ subject, children }: ArrivalTitleProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [subject]);
  return (
    <Title ref={ref} tabIndex={-1} order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
      {children}
    </Title>
  );
}
