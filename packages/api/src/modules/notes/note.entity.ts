import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

@ObjectType({ simpleResolvers: true, description: 'An internal note by an agent on one customer or one organization; customers never see notes.' })
@Entity('notes')
export class Note {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Plain text: line breaks are kept, never HTML. Trimmed, NFC, at most 10,000 characters.' })
  @Column({ type: 'text' })
  body: string;

  /** The agent who wrote it (for a token, the token's creator); resolved as `author`. */
  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  /** Exactly one of customerId and organizationId is set (a check constraint). */
  @Column({ name: 'customer_id', type: 'uuid', nullable: true })
  customerId: string | null;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  /** Read from `via_token_id`'s token, whose name is what people recognise. */
  @Field(() => String, { nullable: true, description: "Set when the note was written through an API token: the token's name." })
  viaToken: string | null;

  @Field(() => Int, { description: 'Bumped on every edit; pass it back as expectedVersion.' })
  @VersionColumn()
  version: number;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When the body was last edited (equal to createdAt until then).' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
