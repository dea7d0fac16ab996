import { Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSearchParam } from '../app/url-state';

export interface UrlTab {
  value: string;
  label: string;
  panel: ReactNode;
}

interface UrlTabsProps {
  /** Names the tab list for screen readers. */
  label: string;
  /** The first one is the default and keeps the URL clean. */
  tabs: UrlTab[];
}

/** Tabs whose choice lives in `?tab=`, so a link can open a profile on its notes. */
export function UrlTabs({ label, tabs }: UrlTabsProps) {
  // Switching tabs is not a step Back undoes: Back leaves the record.
  const [param, setParam] = useSearchParam('tab', { history: 'replace' });
  const first = tabs[0]?.value ?? '';
  const active = tabs.some((tab) => tab.value === param) ? param : first;
  return (
    <Tabs value={active} onChange={(value) => setParam(value === first ? '' : (value ?? ''))}>
      <Tabs.List aria-label={label} mb="lg">
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((tab) => (
        <Tabs.Panel key={tab.value} value={tab.value}>
          {tab.panel}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
