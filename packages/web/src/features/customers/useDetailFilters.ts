import { useSearchParamList } from '../../app/url-state';
import type { DetailCondition } from '../../gql/graphql';
import type { DetailFieldInfo } from '../details/detail-values';
import { DETAIL_FILTER_PARAM, detailCondition, detailFilterParam, parseDetailFilter, type DetailFilter } from './detail-filters';

export interface ActiveFilter {
  filter: DetailFilter;
  field: DetailFieldInfo;
  condition: DetailCondition;
}

/**
 * Detail conditions kept in the URL. A link can name a field this viewer may
 * not view, or a value that no longer fits: such conditions are left out
 * rather than failing the whole list.
 */
export function useDetailFilters(fields: readonly DetailFieldInfo[] | undefined) {
  const [params, setParams] = useSearchParamList(DETAIL_FILTER_PARAM);
  const requested = params.map(parseDetailFilter).filter((filter) => filter !== null);
  const active = requested.flatMap((filter): ActiveFilter[] => {
    const field = fields?.find((f) => f.key === filter.fieldKey);
    const condition = field && detailCondition(filter, field);
    return field && condition ? [{ filter, field, condition }] : [];
  });
  return {
    active,
    /** Conditions wait for the fields to be known; until then the list would show the wrong customers. */
    ready: requested.length === 0 || fields !== undefined,
    add: (filter: DetailFilter) => setParams([...active.map((a) => detailFilterParam(a.filter)), detailFilterParam(filter)]),
    remove: (index: number) => setParams(active.filter((_, i) => i !== index).map((a) => detailFilterParam(a.filter))),
  };
}
