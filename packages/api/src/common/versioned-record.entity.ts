import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * The columns every editable record has: a uuid id, a version for optimistic locking
 * (a stale `expectedVersion` is CONFLICT, see common/optimistic-lock.ts) and
 * its creation and last-change times (timestamptz).
 */
// Not in the schema by itself: type-graphql emits only types the resolvers reach; entities inherit its fields.
@ObjectType({ simpleResolvers: true })
export abstract class VersionedRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => Int, { description: 'Bumped on every change; pass it back as expectedVersion.' })
  @VersionColumn()
  version: number;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
