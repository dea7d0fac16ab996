import { useSearchParamList } from '../../app/url-state';
import type { DetailCondition } from '../../gql/graphql';
import type { DetailFieldInfo } from '../details/detail-values';
import { DETAIL_FILTER_PARAM, detailCondition, detailFilterParam, parseDetailFilter, type DetailFilter } from './detail-filters';

/**
 * A condition from the URL. `condition` is null when it no longer applies:
 * a link (a bookmark, an older tab) names a field this viewer cannot view
 * (since hidden, archived or never theirs; `field` is then undefined) or a
 * value that no longer fits (an option renamed or removed).
 */
export interface RequestedFilter {
  filter: DetailFilter;
  field: DetailFieldInfo | undefined;
  condition: DetailCondition | null;
}

/**
 * Detail conditions kept in the URL. Ones that no longer apply are reported
 * (`stale`) rather than dropped: dropping them silently would list everyone
 * as if filtered. The list waits until they are removed.
 */
export function useDetailFilters(fields: readonly DetailFieldInfo[] | undefined) {
  const [params, setParams] = useSearchParamList(DETAIL_FILTER_PARAM);
  const requested = params
    .map(parseDetailFilter)
    .filter((filter) => filter !== null)
    .map((filter): RequestedFilter => {
      const field = fields?.find((f) => f.key === filter.fieldKey);
      return { filter, field, condition: field ? detailCondition(filter, field) : null };
    });
  const write = (filters: readonly DetailFilter[]) => setParams(filters.map(detailFilterParam));
  return {
    requested,
    conditions: requested.flatMap((r) => (r.condition ? [r.condition] : [])),
    /** Conditions wait for the fields to be known; until then nothing can tell whether they apply. */
    ready: requested.length === 0 || fields !== undefined,
    stale: fields === undefined ? [] : requested.filter((r) => r.condition === null),
    add: (filter: DetailFilter) => write([...requested.map((r) => r.filter), filter]),
    remove: (index: number) => write(requested.filter((_, i) => i !== index).map((r) => r.filter)),
  };
}
