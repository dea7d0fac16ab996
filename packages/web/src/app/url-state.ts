import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * How a change of the query string reaches the browser's history: `push`
 * makes it a step that Back undoes (a filter, a sort: an agent who narrowed
 * the list by mistake goes Back to the list they had); `replace` leaves the
 * step out (a tab, a wizard's job id, a search while it is being typed, so
 * Back does not replay every keystroke).
 */
export type HistoryMode = 'push' | 'replace';

/**
 * One query-string parameter as state, so a search, sort, filter or tab
 * survives a reload and can be shared as a link. Setting it leaves the other
 * parameters alone; it is a history step as `history` says (the setter's
 * second argument overrides it for one change).
 */
export function useSearchParam(name: string, { history = 'push' }: { history?: HistoryMode } = {}): [string, (value: string, mode?: HistoryMode) => void] {
  const [params, setParams] = useSearchParams();
  const setValue = useCallback(
    (value: string, mode: HistoryMode = history) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: mode === 'replace' },
      );
    },
    [name, history, setParams],
  );
  return [params.get(name) ?? '', setValue];
}

/** A repeatable query-string parameter (`?detail=a&detail=b`) as a list, with the same rules as useSearchParam. */
export function useSearchParamList(name: string, { history = 'push' }: { history?: HistoryMode } = {}): [string[], (values: string[]) => void] {
  const [params, setParams] = useSearchParams();
  const setValues = useCallback(
    (values: string[]) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.delete(name);
          for (const value of values) next.append(name, value);
          return next;
        },
        { replace: history === 'replace' },
      );
    },
    [name, history, setParams],
  );
  return [params.getAll(name), setValues];
}
