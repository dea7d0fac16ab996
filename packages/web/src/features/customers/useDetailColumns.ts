import { useLocalStorage } from '@mantine/hooks';
import { useMemo } from 'react';
import { useViewer } from '../auth/session';
import type { DetailFieldInfo } from '../details/detail-values';

/**
 * The detail fields an agent shows as columns in customer lists. A personal
 * view preference, not shared data, so it lives in this browser's
 * localStorage, keyed by the viewer's id: two people sharing a browser keep
 * their own columns. Keys of fields since hidden or archived are ignored.
 */
export function useDetailColumns(fields: readonly DetailFieldInfo[] | undefined) {
  const viewer = useViewer();
  const [keys, setKeys] = useLocalStorage<string[]>({
    key: `cp.customerColumns.${viewer.id}`,
    defaultValue: [],
    // Read at once, so the chosen columns are there on the first render instead of popping in.
    getInitialValueInEffect: false,
  });
  // Stable between renders, so the table keeps its column definitions.
  const columns = useMemo(() => (fields ?? []).filter((field) => keys.includes(field.key)), [fields, keys]);
  return { columns, keys, setKeys };
}
