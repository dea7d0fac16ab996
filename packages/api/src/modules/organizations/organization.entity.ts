import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { VersionedRecord } from '../../common/versioned-record.entity';

@ObjectType({ description: 'A company or group that customers belong to.' })
@Entity('organizations')
export class Organization extends VersionedRecord {
  @Field()
  @Column({ type: 'citext' })
  name: string;
}
