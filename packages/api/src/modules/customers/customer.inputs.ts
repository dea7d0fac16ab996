import { MAX_SEARCH_LENGTH } from '@cp/shared';
import { ArrayMaxSize, Length, MaxLength, ValidateNested } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PaginationArgs } from '../../common/pagination.args';
import { ProblemType } from '../../common/problem.type';
import { Customer } from './customer.entity';
import { maxItems, maxText, textLength } from '../../common/validation-rules';

export enum CustomerOrderField {
  DISPLAY_NAME = 'DISPLAY_NAME',
  EMAIL = 'EMAIL',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
  DETAIL = 'DETAIL',
}
registerEnumType(CustomerOrderField, { name: 'CustomerOrderField' });

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection' });

@InputType({ description: 'One condition on a detail field the viewer may view; give one of equals, contains, isEmpty.' })
export class DetailCondition {
  @Field()
  fieldKey: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value, as setDetailValues takes it; for MULTI_SELECT, one option the value includes.' })
  equals?: unknown;

  @Field({ nullable: true, description: 'Substring, for text-like fields.' })
  @MaxLength(200, maxText('contains', 200))
  contains?: string;

  @Field({ nullable: true })
  isEmpty?: boolean;
}

@InputType()
export class CustomerFilter {
  @Field(() => ID, { nullable: true, description: 'Only members of this organization.' })
  organizationId?: string;

  @Field(() => ID, { nullable: true, description: 'Only customers entitled to this product, themselves or through one of their organizations.' })
  productId?: string;

  @Field(() => [DetailCondition], { nullable: true, description: 'All must hold.' })
  @ValidateNested()
  @ArrayMaxSize(20, maxItems('details', 20))
  details?: DetailCondition[];
}

@InputType({ description: 'Equal values fall back to the display name, then the id, in the same direction.' })
export class CustomerOrder {
  @Field(() => CustomerOrderField)
  field: CustomerOrderField;

  @Field({ nullable: true, description: 'The detail field to sort by, with field DETAIL. Empty values come last (ascending); selects sort by option position, multi-selects by their first option.' })
  fieldKey?: string;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction: SortDirection;
}

@InputType()
export class AddCustomersInput {
  @Field({
    description:
      'Usernames or emails separated by commas (semicolons and new lines work too). An email may come as mail programs copy it, `"Dubois, Pierre" <pierre.dubois@example.org>`: the name becomes a new customer\'s display name (an existing customer keeps theirs). Invisible characters (zero-width, BOM, bidi controls, soft hyphen) are removed.',
  })
  @MaxLength(100_000, maxText('identifiers', 100_000))
  identifiers: string;

  @Field(() => ID, { nullable: true, description: 'Put every added customer into this organization.' })
  organizationId?: string;

  @Field({ nullable: true, description: 'Or into an organization of this name (created if new).' })
  @Length(1, 200, textLength('newOrganizationName', 1, 200))
  newOrganizationName?: string;
}

@InputType()
export class UpdateCustomerInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you edited; a newer one in the database means CONFLICT.' })
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: 'Empty string clears it (a username must remain).' })
  @MaxLength(254, maxText('email', 254))
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Empty string clears it (an email must remain).' })
  @MaxLength(64, maxText('username', 64))
  username?: string | null;

  @Field({ nullable: true })
  @Length(1, 200, textLength('displayName', 1, 200))
  displayName?: string;

  @Field(() => String, { nullable: true, description: 'Null or empty string clears it. Trimmed; at most 255 characters, no control characters.' })
  externalId?: string | null;
}

@ArgsType()
export class CustomersArgs extends PaginationArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'Text to find in email, username, display name, external id, organization names and the text detail values the viewer may view, ignoring case and accents. Three or more characters match anywhere; one or two match the start of a word (after a space or a line break).',
  })
  @MaxLength(MAX_SEARCH_LENGTH, maxText('query', MAX_SEARCH_LENGTH))
  query?: string | null;

  @Field(() => CustomerFilter, { nullable: true })
  @ValidateNested()
  filter?: CustomerFilter | null;

  @Field(() => CustomerOrder, { nullable: true, description: 'Default: display name, A to Z.' })
  @ValidateNested()
  orderBy?: CustomerOrder | null;
}

@ObjectType({ simpleResolvers: true })
export class InputError {
  @Field({ description: 'The entry as it was given.' })
  input: string;

  @Field()
  message: string;

  @Field(() => ProblemType)
  problem: ProblemType;
}

export enum AddCustomerStatus {
  CREATED = 'CREATED',
  EXISTING = 'EXISTING',
  REJECTED = 'REJECTED',
}
registerEnumType(AddCustomerStatus, { name: 'AddCustomerStatus' });

@ObjectType({ simpleResolvers: true, description: 'What happened to one entry, in the order given.' })
export class AddCustomerResult {
  @Field({ description: 'The entry as it was given.' })
  input: string;

  @Field(() => AddCustomerStatus)
  status: AddCustomerStatus;

  @Field(() => Customer, { nullable: true })
  customer: Customer | null;

  @Field(() => String, { nullable: true, description: 'Why it was rejected, in English.' })
  message: string | null;

  @Field(() => ProblemType, { nullable: true, description: 'Why it was rejected, as data to translate.' })
  problem: ProblemType | null;
}

@ObjectType({ simpleResolvers: true })
export class AddCustomersPayload {
  @Field(() => [Customer], { description: 'Every valid entry\'s customer, new or existing, in the order given.' })
  customers: Customer[];

  @Field(() => Int)
  created: number;

  @Field(() => Int)
  existing: number;

  @Field(() => [InputError])
  errors: InputError[];

  @Field(() => [AddCustomerResult])
  results: AddCustomerResult[];
}
