import { useApolloClient } from '@apollo/client/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { forgetDetailField } from '../../app/cache';
import { errorInfo } from '../../app/errors';
import { useUpdateSearchParams } from '../../app/url-state';
import type { DetailFieldInfo } from '../details/detail-values';
import { notifyFieldUnavailable } from '../details/useFieldAccessChanges';
import { DETAIL_FILTER_PARAM, parseDetailFilter } from './detail-filters';
import { SORT_PARAM, parseCustomerSort, sortFieldKey } from './sort';
import { CustomerDetailFieldsQuery } from './useCustomerDetailFields';

/** The key of a detail field the API no longer lets this viewer use, from an UNKNOWN_DETAIL_FIELD error. */
export function unavailableFieldKey(error: unknown): string | null {
  const problem = errorInfo(error).problem;
  return problem?.reason === 'UNKNOWN_DETAIL_FIELD' && typeof problem.params.key === 'string' ? problem.params.key : null;
}

/**
 * Recovers a customer list from a field that became unavailable while it was
 * open (an admin narrowed it to another team, or archived it): the API then
 * refuses the list's sort or filter on it as an unknown field. Without a
 * reload, this drops that sort and those filters from the URL (one update,
 * so the list asks once more), forgets the field and its cached values,
 * refetches the field definitions (which drops its column) and tells the
 * agent. A second such field is handled by the next refusal the same way.
 */
export function useUnavailableFieldRecovery(error: unknown, fields: readonly (DetailFieldInfo & { id: string })[] | undefined): void {
  const { t } = useTranslation();
  const client = useApolloClient();
  const updateParams = useUpdateSearchParams();
  const key = error ? unavailableFieldKey(error) : null;
  useEffect(() => {
    if (key === null) return;
    const field = fields?.find((f) => f.key === key);
    forgetDetailField(client.cache, 'CUSTOMER', { id: field?.id, key });
    updateParams((next) => {
      if (sortFieldKey(parseCustomerSort(next.get(SORT_PARAM) ?? '')) === key) next.delete(SORT_PARAM);
      const filters = next.getAll(DETAIL_FILTER_PARAM);
      next.delete(DETAIL_FILTER_PARAM);
      for (const param of filters) {
        if (parseDetailFilter(param)?.fieldKey !== key) next.append(DETAIL_FILTER_PARAM, param);
      }
    }, 'replace');
    void client.refetchQueries({ include: [CustomerDetailFieldsQuery] });
    notifyFieldUnavailable(t, { key, label: field?.label });
    // Once per refusal: `error` is a new object each time the list fails.
  }, [error]);
}
