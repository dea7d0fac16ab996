import { ArrayMaxSize, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { PaginationArgs } from '../../common/pagination.args';

@ArgsType()
export class OrganizationsArgs extends PaginationArgs {
  @Field(() => String, { nullable: true, description: 'Substring of the name.' })
  @MaxLength(200)
  query?: string | null;
}

@ArgsType()
export class RenameOrganizationArgs {
  @Field(() => ID)
  id: string;

  @Field()
  @Length(1, 200, { message: 'name must have 1 to 200 characters' })
  name: string;

  @Field(() => Int)
  expectedVersion: number;
}

@ArgsType()
export class OrganizationMembersArgs {
  @Field(() => ID)
  organizationId: string;

  @Field(() => [ID])
  @ArrayMaxSize(1000)
  customerIds: string[];
}

@ArgsType()
export class OrganizationMemberArgs {
  @Field(() => ID)
  organizationId: string;

  @Field(() => ID)
  customerId: string;
}
