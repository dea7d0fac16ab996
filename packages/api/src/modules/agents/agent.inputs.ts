import { ArrayMaxSize, IsEmail, Length, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { Role } from '../../graphql/enums';
import { MIN_PASSWORD_LENGTH } from '@cp/shared';
import { emailRule, maxItems, maxText, minText, textLength } from '../../common/validation-rules';

@InputType()
export class CreateAgentInput {
  @Field()
  @IsEmail({}, emailRule('email'))
  @MaxLength(320, maxText('email', 320))
  email: string;

  @Field()
  @Length(1, 200, textLength('displayName', 1, 200))
  displayName: string;

  @Field()
  @MinLength(MIN_PASSWORD_LENGTH, minText('password', MIN_PASSWORD_LENGTH))
  @MaxLength(1000, maxText('password', 1000))
  password: string;

  @Field(() => Role)
  role: Role;

  @Field(() => [ID], { nullable: true })
  @ArrayMaxSize(500, maxItems('teamIds', 500))
  teamIds?: string[];
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateAgentInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { nullable: true, description: 'Refuse with CONFLICT if the agent changed since this version.' })
  expectedVersion?: number;

  @Field({ nullable: true })
  @Length(1, 200, textLength('displayName', 1, 200))
  displayName?: string;

  @Field(() => Role, { nullable: true })
  role?: Role;

  @Field({ nullable: true, description: 'False signs the agent out everywhere and blocks sign-in.' })
  active?: boolean;

  @Field(() => [ID], { nullable: true, description: 'Replaces the agent\'s teams.' })
  @ArrayMaxSize(500, maxItems('teamIds', 500))
  teamIds?: string[];
}
