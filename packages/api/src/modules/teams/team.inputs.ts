import { ArrayMaxSize, Length } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { maxItems, textLength } from '../../common/validation-rules';

@ArgsType()
export class CreateTeamArgs {
  @Field()
  @Length(1, 100, textLength('name', 1, 100))
  name: string;

  @Field(() => [ID], { nullable: true })
  @ArrayMaxSize(1000, maxItems('memberIds', 1000))
  memberIds?: string[];
}

@ArgsType()
export class RenameTeamArgs {
  @Field(() => ID)
  id: string;

  @Field()
  @Length(1, 100, textLength('name', 1, 100))
  name: string;

  @Field(() => Int, { nullable: true, description: 'Refuse with CONFLICT if the team changed since this version.' })
  expectedVersion?: number;
}

@ArgsType()
export class SetTeamMembersArgs {
  @Field(() => ID)
  teamId: string;

  @Field(() => [ID])
  @ArrayMaxSize(1000, maxItems('memberIds', 1000))
  memberIds: string[];

  @Field(() => Int, { nullable: true, description: 'Refuse with CONFLICT if the team changed since this version.' })
  expectedVersion?: number;
}
