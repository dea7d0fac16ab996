import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { VersionedRecord } from '../../common/versioned-record.entity';

@ObjectType({ simpleResolvers: true, description: 'A company or group that customers belong to.' })
@Entity('organizations')
export class Organization extends VersionedRecord {
  @Field(() => String, { nullable: true, description: "The partner system's id; unique when set; import matches on it first." })
  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId: string | null;

  @Field()
  @Column({ type: 'citext' })
  name: string;
}
