import { useCallback } from 'react';
import { useNavigate, useSearchParams } from 'react-router';

/**
 * How a change of the query string reaches the browser's history: `push`
 * makes it a step that Back undoes (a filter, a sort: an agent who narrowed
 * the list by mistake goes Back to the list they had); `replace` leaves the
 * step out (a tab, a wizard's job id, a search while it is being typed, so
 * Back does not replay every keystroke).
 */
export type HistoryMode = 'push' | 'replace';

/**
 * Changes the query string from what the address bar holds at the moment of
 * the call: `update` receives a copy of the current parameters to edit.
 * react-router's own functional `setSearchParams` hands its callback the
 * parameters of the render that created it, so two controls changing the URL
 * in quick succession (pick a product, then an organization before the list
 * re-rendered) made the second drop the first's parameter.
 */
export function useUpdateSearchParams(): (update: (next: URLSearchParams) => void, mode: HistoryMode) => void {
  const navigate = useNavigate();
  return useCallback(
    (update, mode) => {
      const next = new URLSearchParams(window.location.search);
      update(next);
      void navigate(`?${next.toString()}`, { replace: mode === 'replace' });
    },
    [navigate],
  );
}

/**
 * One query-string parameter as state, so a search, sort, filter or tab
 * survives a reload and can be shared as a link. Setting it leaves the other
 * parameters alone; it is a history step as `history` says (the setter's
 * second argument overrides it for one change).
 */
export function useSearchParam(name: string, { history = 'push' }: { history?: HistoryMode } = {}): [string, (value: string, mode?: HistoryMode) => void] {
  const [params] = useSearchParams();
  const updateParams = useUpdateSearchParams();
  const setValue = useCallback(
    (value: string, mode: HistoryMode = history) =>
      updateParams((next) => {
        if (value) next.set(name, value);
        else next.delete(name);
      }, mode),
    [name, history, updateParams],
  );
  return [params.get(name) ?? '', setValue];
}

/** A repeatable query-string parameter (`?detail=a&detail=b`) as a list, with the same rules as useSearchParam. */
export function useSearchParamList(name: string, { history = 'push' }: { history?: HistoryMode } = {}): [string[], (values: string[]) => void] {
  const [params] = useSearchParams();
  const updateParams = useUpdateSearchParams();
  const setValues = useCallback(
    (values: string[]) =>
      updateParams((next) => {
        next.delete(name);
        for (const value of values) next.append(name, value);
      }, history),
    [name, history, updateParams],
  );
  return [params.getAll(name), setValues];
}
