import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class HistoryArgs {
  // As in the partner contract: `history(first: Int = 20, after: String)`.
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, at most 200.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;
}
