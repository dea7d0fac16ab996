import { Field, Int, ObjectType } from 'type-graphql';
import { Connection, toConnection, type Page } from '../../common/connection';
import { RequestStatus, SupportRequest } from './request.entity';

@ObjectType({ simpleResolvers: true, description: 'How many requests have one status.' })
export class RequestStatusCount {
  @Field(() => RequestStatus)
  status: RequestStatus;

  @Field(() => Int)
  count: number;
}

@ObjectType({ simpleResolvers: true })
export class RequestConnection extends Connection(SupportRequest, 'Request') {
  /** Read only if the client asks for countsByStatus; batched across parents by a loader. */
  statusCounts: () => Promise<RequestStatusCount[]>;

  @Field(() => [RequestStatusCount], {
    description: 'Every status in workflow order with its number of requests, zeros included, whatever the status filter (for tabs and filter chips).',
  })
  countsByStatus(): Promise<RequestStatusCount[]> {
    return this.statusCounts();
  }
}

/** A page plus the counts of its whole list (all statuses), both read lazily. */
export function toRequestConnection(page: Page<SupportRequest>, statusCounts: () => Promise<RequestStatusCount[]>): RequestConnection {
  return Object.assign(toConnection(RequestConnection, page), { statusCounts });
}
