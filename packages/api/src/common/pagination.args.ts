import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class PaginationArgs {
  // Nullable with a default, as in the partner contract (`first: Int = 50`).
  @Field(() => Int, { nullable: true, defaultValue: 50, description: 'Page size, at most 200.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;
}
