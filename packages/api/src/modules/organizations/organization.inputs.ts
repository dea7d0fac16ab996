import { MAX_SEARCH_LENGTH } from '@cp/shared';
import { ArrayMaxSize, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PaginationArgs } from '../../common/pagination.args';
import { maxItems, maxText, textLength } from '../../common/validation-rules';

@ArgsType()
export class OrganizationsArgs extends PaginationArgs {
  @Field(() => String, { nullable: true, description: 'Text to find in the name, ignoring case and accents: three or more characters anywhere, one or two at the start of a word.' })
  @MaxLength(MAX_SEARCH_LENGTH, maxText('query', MAX_SEARCH_LENGTH))
  query?: string | null;
}

@ArgsType()
export class RenameOrganizationArgs {
  @Field(() => ID)
  id: string;

  @Field()
  @Length(1, 200, textLength('name', 1, 200))
  name: string;

  @Field(() => Int)
  expectedVersion: number;
}

@InputType()
export class UpdateOrganizationInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you edited; a newer one in the database means CONFLICT.' })
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  @Length(1, 200, textLength('name', 1, 200))
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Null or empty string clears it. Trimmed; at most 255 characters, no control characters.' })
  externalId?: string | null;
}

@ArgsType()
export class OrganizationMembersArgs {
  @Field(() => ID)
  organizationId: string;

  @Field(() => [ID])
  @ArrayMaxSize(1000, maxItems('customerIds', 1000))
  customerIds: string[];
}

@ArgsType()
export class OrganizationMemberArgs {
  @Field(() => ID)
  organizationId: string;

  @Field(() => ID)
  customerId: string;
}
