import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';

/** The most rows one importCustomers call takes; more go in further calls. */
export const MAX_JSON_ROWS = 10_000;

@InputType({ description: 'Rows as JSON objects keyed by the CSV column names (External ID, Email, Username, Display name, Organization, detail field labels or keys).' })
export class ImportCustomersInput {
  @Field(() => [GraphQLJSON], { description: `At most ${MAX_JSON_ROWS}. A value may be text, a number, a boolean or a list (multi-select, organizations); null or "" clears a detail value.` })
  rows: unknown[];

  @Field({ defaultValue: false })
  dryRun: boolean;

  @Field({ defaultValue: 'abort', description: 'abort or skip.' })
  onError: string;

  @Field(() => String, { nullable: true, description: 'DD.MM.YYYY, MM/DD/YYYY or YYYY/MM/DD: read besides YYYY-MM-DD.' })
  dateFormat?: string | null;
}

@ArgsType()
export class ImportErrorsArgs {
  @Field(() => Int, { defaultValue: 100 })
  first: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
