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
export async function toDetailValues(scope: DetailFieldScope, details: StoredDetails, { visibility, loaders }: Context): Promise<DetailValue[]> {
  const fields = (await visibility.viewable(scope)).filter((f) => details[f.key] !== undefined);
  const agentIds = fields.filter((f) => f.type === DetailFieldType.USER).map((f) => String(details[f.key]));
  const agents = new Map((await loaders.agentById.loadMany(agentIds)).flatMap((a) => (a && !(a instanceof Error) ? [[a.id, a.displayName] as const] : [])));
  return fields.map((field) => ({
    field,
    value: details[field.key],
    displayValue: formatDetailValue(field, details[field.key], { locale: 'en-US', agentName: (id) => agents.get(id) }),
  }));
}
