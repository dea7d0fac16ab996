import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';

// The body's rules (length in code points, control characters) are @cp/shared cleanNoteBody's, applied by the service.

@InputType({ description: 'A note on exactly one customer or one organization.' })
export class AddNoteInput {
  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field(() => ID, { nullable: true })
  organizationId?: string | null;

  @Field({ description: 'Plain text, 1 to 10,000 characters after trimming; line breaks and tabs are kept, other control characters refused.' })
  body: string;
}

@ArgsType()
export class UpdateNoteArgs {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The new body, under the same rules as addNote.' })
  body: string;

  @Field(() => Int, { description: 'The version you edited; a newer one in the database means CONFLICT.' })
  expectedVersion: number;
}

@ArgsType()
export class NotesArgs {
  // As in the partner contract: `notes(first: Int = 20, after: String)`.
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, at most 200.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;
}
