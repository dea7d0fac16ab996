import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { VersionedRecord } from '../../common/versioned-record.entity';

@ObjectType({ simpleResolvers: true, description: 'Something customers and organizations can be entitled to (a plan, a licence, a support contract).' })
@Entity('products')
export class Product extends VersionedRecord {
  @Field({ description: 'Unique ignoring case; trimmed, at most 200 characters.' })
  @Column({ type: 'text' })
  name: string;

  @Field({ description: 'An archived product cannot be granted; existing entitlements to it stay.' })
  @Column({ type: 'boolean' })
  archived: boolean;
}
