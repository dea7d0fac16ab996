import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { VersionedRecord } from '../../common/versioned-record.entity';

/** Where a request stands; the order here is the order the web app lists the statuses in. */
export enum RequestStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  WAITING_FOR_CUSTOMER = 'WAITING_FOR_CUSTOMER',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
}
registerEnumType(RequestStatus, { name: 'RequestStatus' });

export const REQUEST_STATUSES = Object.values(RequestStatus);

/**
 * A support request a customer reported. Named SupportRequest in code so it
 * never shadows the HTTP `Request` type; `Request` in the schema. Reporter
 * and organization are resolved through loaders from their ids.
 */
@ObjectType('Request', { simpleResolvers: true, description: 'A support request a customer reported.' })
@Entity('requests')
export class SupportRequest extends VersionedRecord {
  @Field({ description: 'SUP-1, SUP-2, …: from a sequence, never reused.' })
  @Column({ type: 'text', insert: false, update: false })
  key: string;

  @Field()
  @Column({ type: 'text' })
  summary: string;

  @Field(() => String, { nullable: true, description: 'Plain text.' })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => RequestStatus)
  @Column({ type: 'enum', enum: RequestStatus, enumName: 'request_status' })
  status: RequestStatus;

  @Field(() => String, { nullable: true, description: 'Free text as the partner tool names it, e.g. High or P2.' })
  @Column({ type: 'text', nullable: true })
  priority: string | null;

  @Column({ name: 'reporter_id', type: 'uuid' })
  reporterId: string;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @Field(() => String, { nullable: true, description: 'Where the request lives in a partner tool (http or https).' })
  @Column({ name: 'external_url', type: 'text', nullable: true })
  externalUrl: string | null;
}
