import { ArrayMaxSize } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { maxItems } from '../../common/validation-rules';
import { RequestStatus } from './request.entity';

// Texts are checked by the service once cleaned (request.service.ts): a summary of spaces is empty.

@InputType({ description: 'A request as a partner tool files it.' })
export class CreateRequestInput {
  @Field(() => ID, { description: 'The reporter.' })
  customerId: string;

  @Field(() => ID, { nullable: true, description: "One of the reporter's organizations." })
  organizationId?: string | null;

  @Field({ description: '1 to 200 characters; line breaks become spaces.' })
  summary: string;

  @Field(() => String, { nullable: true, description: 'Plain text, at most 10,000 characters.' })
  description?: string | null;

  @Field(() => RequestStatus, { nullable: true, description: 'Default OPEN.' })
  status?: RequestStatus | null;

  @Field(() => String, { nullable: true, description: 'Free text, at most 50 characters, e.g. High or P2.' })
  priority?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) link back to the request in the partner tool, at most 2,048 characters.' })
  externalUrl?: string | null;
}

@InputType({ description: 'Omitted or null fields stay as they are; an empty string clears description, priority or externalUrl.' })
export class UpdateRequestInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you edited; a newer one in the database means CONFLICT.' })
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => RequestStatus, { nullable: true })
  status?: RequestStatus | null;

  @Field(() => String, { nullable: true })
  priority?: string | null;

  @Field(() => String, { nullable: true })
  externalUrl?: string | null;
}

@ArgsType()
export class RequestsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, at most 200.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;

  @Field(() => [RequestStatus], { nullable: true, description: 'Only these statuses; omitted or empty: all.' })
  @ArrayMaxSize(5, maxItems('status', 5))
  status?: RequestStatus[] | null;
}
