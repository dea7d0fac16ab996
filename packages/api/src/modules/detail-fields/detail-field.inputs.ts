import { ArrayMaxSize, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { DetailFieldScope, DetailFieldType } from './detail-field.enums';
import { Team } from '../teams/team.entity';
import { DetailField } from './detail-field.entity';
import { maxItems, textLength } from '../../common/validation-rules';

@InputType({ description: 'Admins are always in. agents: every agent; teamIds: members of these teams.' })
export class FieldAudienceInput {
  @Field()
  agents: boolean;

  @Field(() => [ID], { nullable: true })
  @ArrayMaxSize(200, maxItems('teamIds', 200))
  teamIds?: string[];
}

@InputType()
export class CreateDetailFieldInput {
  @Field()
  @Length(1, 100, textLength('label', 1, 100))
  label: string;

  @Field(() => DetailFieldType)
  type: DetailFieldType;

  @Field(() => DetailFieldScope)
  scope: DetailFieldScope;

  @Field(() => [String], { nullable: true, description: 'For SELECT and MULTI_SELECT.' })
  options?: string[];

  @Field(() => FieldAudienceInput, { nullable: true, description: 'Default: every agent.' })
  @ValidateNested()
  view?: FieldAudienceInput;

  @Field(() => FieldAudienceInput, { nullable: true, description: 'Default: every agent. Must not be wider than view.' })
  @ValidateNested()
  edit?: FieldAudienceInput;
}

@InputType()
export class OptionRenameInput {
  @Field()
  from: string;

  @Field()
  to: string;
}

@InputType({ description: 'Only the fields given change. The type and key never change.' })
export class UpdateDetailFieldInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { nullable: true, description: 'Refuse with CONFLICT if the field changed since this version.' })
  expectedVersion?: number;

  @Field({ nullable: true })
  @Length(1, 100, textLength('label', 1, 100))
  label?: string;

  @Field(() => [String], {
    nullable: true,
    description: 'The full new option list, in order. Values using a removed option lose it; use optionRenames to keep them.',
  })
  options?: string[];

  @Field(() => [OptionRenameInput], { nullable: true, description: 'Renamed options: stored values follow the new name.' })
  @ValidateNested()
  optionRenames?: OptionRenameInput[];

  @Field(() => Int, { nullable: true, description: 'New place in the scope\'s order, from 0.' })
  position?: number;

  @Field({ nullable: true })
  archived?: boolean;
}

@InputType()
export class SetDetailFieldPermissionsInput {
  @Field(() => ID)
  fieldId: string;

  @Field(() => Int, { nullable: true, description: 'Refuse with CONFLICT if the field changed since this version.' })
  expectedVersion?: number;

  @Field(() => FieldAudienceInput)
  @ValidateNested()
  view: FieldAudienceInput;

  @Field(() => FieldAudienceInput)
  @ValidateNested()
  edit: FieldAudienceInput;
}

@InputType()
export class DetailValueInput {
  @Field()
  fieldKey: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'null clears the value.' })
  value?: unknown;
}

@InputType()
export class SetDetailValuesInput {
  @Field(() => ID, { nullable: true })
  customerId?: string;

  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field(() => ID, { nullable: true })
  entitlementId?: string;

  @Field(() => Int, { nullable: true, description: 'The owner\'s version you edited; a newer one means CONFLICT.' })
  expectedVersion?: number;

  @Field(() => [DetailValueInput])
  @ValidateNested()
  @ArrayMaxSize(500, maxItems('values', 500))
  values: DetailValueInput[];
}

@ObjectType({ simpleResolvers: true, description: 'Admins are always in. agents: every agent; teams: members of these teams.' })
export class FieldAudience {
  @Field()
  agents: boolean;

  @Field(() => [Team])
  teams: Team[];
}

@ObjectType({ simpleResolvers: true })
export class FieldPermissions {
  @Field(() => FieldAudience)
  view: FieldAudience;

  @Field(() => FieldAudience)
  edit: FieldAudience;
}

@ObjectType({ simpleResolvers: true })
export class DetailValue {
  @Field(() => DetailField)
  field: DetailField;

  @Field(() => GraphQLJSON, { nullable: true })
  value: unknown;

  @Field()
  displayValue: string;
}
