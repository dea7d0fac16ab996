import { formatDetailValue } from '@cp/shared';
import type { DetailValue } from '../detail-fields/detail-field.inputs';
import type { DetailFieldScope } from '../detail-fields/detail-field.enums';
import { DetailFieldType } from '../detail-fields/detail-field.enums';
import type { StoredDetails } from './detail-value.loader';
import type { Context } from '../../graphql/context';

/**
 * The visible values of one owner as DetailValue objects, in field order.
 * `details` already holds only visible keys (read through the visibility
 * service); the field list is filtered again so order and labels come from
 * the same definitions.
 */
export async function toDetailValues(scope: DetailFieldScope, details: StoredDetails, context: Context): Promise<DetailValue[]> {
  return (await toDetailValuesOfMany(scope, [details], context))[0];
}

/**
 * `toDetailValues` for many owners at once (a list page's rows): the
 * definitions and the names of agents in USER fields are looked up once for
 * all of them, and only when some value names an agent.
 */
export async function toDetailValuesOfMany(scope: DetailFieldScope, detailsOfMany: readonly StoredDetails[], { visibility, loaders }: Context): Promise<DetailValue[][]> {
  const viewable = await visibility.viewable(scope);
  const users = viewable.filter((f) => f.type === DetailFieldType.USER);
  const agentIds = [...new Set(detailsOfMany.flatMap((details) => users.flatMap((f) => (details[f.key] === undefined ? [] : [String(details[f.key])]))))];
  const agents = new Map(
    agentIds.length === 0 ? [] : (await loaders.agentById.loadMany(agentIds)).flatMap((a) => (a && !(a instanceof Error) ? [[a.id, a.displayName] as const] : [])),
  );
  const options = { locale: 'en-US', agentName: (id: string) => agents.get(id) };
  return detailsOfMany.map((details) =>
    viewable.filter((f) => details[f.key] !== undefined).map((field) => ({ field, value: details[field.key], displayValue: formatDetailValue(field, details[field.key], options) })),
  );
}
