import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { VersionedRecord } from '../../common/versioned-record.entity';

@ObjectType({ description: 'A person the help desk supports.' })
@Entity('customers')
export class Customer extends VersionedRecord {
  @Field(() => String, { nullable: true, description: "The partner system's id; unique when set; import matches on it first." })
  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'citext', nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'citext', nullable: true })
  username: string | null;

  @Field()
  @Column({ name: 'display_name', type: 'text' })
  displayName: string;
}
