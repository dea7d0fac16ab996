import { ArrayMaxSize, Length } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Role } from '../graphql/enums';
import { ApiToken } from './api-token.entity';
import { maxItems, textLength } from '../common/validation-rules';

@InputType()
export class CreateApiTokenInput {
  @Field()
  @Length(1, 100, textLength('name', 1, 100))
  name: string;

  @Field(() => Role, { description: 'At most the creator\'s own role.' })
  role: Role;

  @Field(() => [ID], { nullable: true, description: 'Non-admins may only name teams they belong to.' })
  @ArrayMaxSize(100, maxItems('teamIds', 100))
  teamIds?: string[];
}

@ObjectType({ simpleResolvers: true })
export class CreateApiTokenPayload {
  @Field({ description: 'The secret, shown this once; only its hash is stored. Send as `Authorization: Bearer <token>`.' })
  token: string;

  @Field(() => ID)
  id: string;

  @Field(() => ApiToken)
  apiToken: ApiToken;
}
