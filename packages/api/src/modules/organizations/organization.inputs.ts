import { ArrayMaxSize, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { PaginationArgs } from '../../common/pagination.args';
import { maxItems, maxText, textLength } from '../../common/validation-rules';

@ArgsType()
export class OrganizationsArgs extends PaginationArgs {
  @Field(() => String, { nullable: true, description: 'Substring of the name.' })
  @MaxLength(200, maxText('query', 200))
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
