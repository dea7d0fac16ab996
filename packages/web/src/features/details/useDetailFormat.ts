import { useQuery } from '@apollo/client/react';
import { formatDetailValue, type StoredDetailValue } from '@cp/shared';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { DetailFieldInfo } from './detail-values';

// Inactive agents too: a value can still name someone who has since left.
const DetailAgentsQuery = graphql(`
  query DetailAgents {
    agents(includeInactive: true) {
      id
      displayName
      active
    }
  }
`);

/** Agents that USER fields can name; asked for only when such a field is on screen. */
export function useDetailAgents(needed: boolean) {
  const { data } = useQuery(DetailAgentsQuery, { skip: !needed });
  return data?.agents;
}

/**
 * Shows stored values the way the API's displayValue does (same shared
 * codec), but in the viewer's language: numbers and dates for their locale,
 * Yes/No translated, agents by name.
 */
export function useDetailFormat(fields: readonly DetailFieldInfo[]) {
  const { t, i18n } = useTranslation();
  const agents = useDetailAgents(fields.some((field) => field.type === 'USER'));
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const options = useMemo(() => {
    const names = new Map(agents?.map((agent) => [agent.id, agent.displayName]));
    return { locale, agentName: (id: string) => names.get(id), yes: t('details.yes'), no: t('details.no') };
  }, [agents, locale, t]);
  return useCallback((field: DetailFieldInfo, value: StoredDetailValue) => formatDetailValue(field, value, options), [options]);
}
