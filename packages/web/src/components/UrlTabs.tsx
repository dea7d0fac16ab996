import { Tabs } from '@mantine/core';
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { prefetchOn, preloadOf } from '../app/lazy-named';
import { useSearchParam } from '../app/url-state';
import { whenIdle } from '../app/when-idle';
import { DelayedLoader } from './DelayedLoader';

export interface UrlTab {
  value: string;
  label: string;
  /**
   * Rendered from the tab's first opening on (then kept, hidden, while
   * another tab is open). A component made by lazyNamed has its code fetched
   * ahead: once the open tab's code is in and the browser is idle, and when
   * the tab is pointed at or focused, so opening it is instant.
   */
  panel: ReactNode;
}

interface UrlTabsProps {
  /** Names the tab list for screen readers. */
  label: string;
  /** The first one is the default and keeps the URL clean. */
  tabs: UrlTab[];
}

/** Starts downloading a lazily loaded panel's code; resolves (never rejects) once it is in, at once for other panels. */
function preload(tab: UrlTab | undefined): Promise<unknown> {
  // A failed download shows where the panel renders (the page's error boundary), from the same promise.
  return Promise.resolve(preloadOf(tab?.panel)?.()).catch(() => undefined);
}
const warm = (tab: UrlTab) => void preload(tab);

/** How long after the open tab's code is in the other tabs' code starts downloading (when the browser is idle). */
const PREFETCH_AFTER_MS = 1000;

/**
 * Tabs whose choice lives in `?tab=`, so a link can open a profile on its
 * notes. Only the open tab's panel renders (and so downloads its code): the
 * others wait for their first opening, their code fetched ahead.
 */
export function UrlTabs({ label, tabs }: UrlTabsProps) {
  // Switching tabs is not a step Back undoes: Back leaves the record.
  const [param, setParam] = useSearchParam('tab', { history: 'replace' });
  const first = tabs[0]?.value ?? '';
  const active = tabs.some((tab) => tab.value === param) ? param : first;
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set([active]));
  // Derived from the URL, so set during render: React renders again at once, before painting.
  if (!opened.has(active)) setOpened(new Set([...opened, active]));

  // The others' code once the open tab's is in and a moment has passed (not before: their downloads would
  // share the connections and the main thread with what the open tab still fetches and draws), when idle.
  const initial = useRef({ tabs, active });
  useEffect(() => {
    const { tabs: all, active: shown } = initial.current;
    let cancel = () => {};
    let live = true;
    void preload(all.find((tab) => tab.value === shown)).then(() => {
      if (!live) return;
      const timer = window.setTimeout(() => (cancel = whenIdle(() => all.forEach(warm))), PREFETCH_AFTER_MS);
      cancel = () => window.clearTimeout(timer);
    });
    return () => {
      live = false;
      cancel();
    };
  }, []);

  return (
    <Tabs value={active} onChange={(value) => setParam(value === first ? '' : (value ?? ''))}>
      <Tabs.List aria-label={label} mb="lg">
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value} {...prefetchOn(() => preload(tab))}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((tab) => (
        <Tabs.Panel key={tab.value} value={tab.value}>
          {opened.has(tab.value) && <Suspense fallback={<DelayedLoader />}>{tab.panel}</Suspense>}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
