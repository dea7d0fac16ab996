import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * One query-string parameter as state, so a search, sort, filter or tab
 * survives a reload and can be shared as a link. Setting it leaves the other
 * parameters alone, and replaces the history entry: Back leaves the page
 * instead of replaying every keystroke.
 */
export function useSearchParam(name: string): [string, (value: string) => void] {
  const [params, setParams] = useSearchParams();
  const setValue = useCallback(
    (value: string) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: true },
      );
    },
    [name, setParams],
  );
  return [params.get(name) ?? '', setValue];
}

/** A repeatable query-string parameter (`?detail=a&detail=b`) as a list, with the same rules as useSearchParam. */
export function useSearchParamList(name: string): [string[], (values: string[]) => void] {
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
        { replace: true },
      );
    },
    [name, setParams],
  );
  return [params.getAll(name), setValues];
}
