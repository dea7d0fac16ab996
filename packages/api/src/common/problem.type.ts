import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';

/**
 * Why an entry was refused, as data: the same reasons as errors'
 * `extensions.reason`/`params` (see @cp/shared problems), for per-entry
 * results. Services hand over the shared `Problem` object as is.
 */
@ObjectType('Problem', { simpleResolvers: true, description: 'Why something was refused: a stable reason and its parameters (the English sentence is the parent\'s message).' })
export class ProblemType {
  @Field({ description: 'Stable, machine-readable reason, e.g. EMAIL_HAS_SPACE.' })
  reason: string;

  @Field(() => GraphQLJSONObject, { description: 'The reason\'s parameters: text, numbers, lists, or a nested {reason, params}.' })
  params: Record<string, unknown>;
}
