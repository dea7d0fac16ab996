import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DetailField } from '../detail-fields/detail-field.entity';

@ObjectType({ simpleResolvers: true, description: 'One change to a customer or an organization: who, when, what, from and to.' })
@Entity('changes')
export class Change {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'When the change was committed (all changes of one write share it).' })
  @Column({ type: 'timestamptz' })
  at: Date;

  /** The agent who made it (through a token: the token's creator); null for the system. Resolved as `actor`. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  /** Read from `via_token_id`'s token in the same statement. */
  @Field(() => String, { nullable: true, description: "Set when the change came through an API token: the token's name." })
  viaToken: string | null;

  /** The detail field changed; resolved as `field` (only for fields the viewer may view, the only ones listed). */
  @Column({ name: 'field_id', type: 'uuid', nullable: true })
  fieldId: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'What changed when it is not a detail field: displayName, email, username, externalId, name, organization (customer joined or left; the name), member (organization gained or lost a customer; the display name), note (the body), entitlement (the product name), created (the record was created, by an import, with the attributes in `to` and the detail values in `values`).',
  })
  @Column({ type: 'text', nullable: true })
  attribute: string | null;

  /** The product of the entitlement the change is about (granted, revoked, or one of its detail values); resolved as `product`. */
  @Column({ name: 'product_id', type: 'uuid', nullable: true })
  productId: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value before; null when there was none (something added).' })
  @Column({ name: 'from_value', type: 'jsonb', nullable: true })
  from: unknown;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description:
      'The value after; null when there is none now (something cleared or removed). For `created`: the built-in attributes the record was created with, by name, and `organizations` (names) for a customer that joined some (its detail values are `values`).',
  })
  @Column({ name: 'to_value', type: 'jsonb', nullable: true })
  to: unknown;

  @Field(() => ID, { nullable: true, description: 'Set when an import wrote the change: its job (importJob answers only whoever started it).' })
  @Column({ name: 'import_job_id', type: 'uuid', nullable: true })
  importJobId: string | null;

  /** A created entry's detail values by field id, already narrowed to the viewer's fields in SQL; resolved as `values`. */
  createdDetails: Record<string, unknown> | null;
}

@ObjectType({ simpleResolvers: true, description: 'A detail value a record was created with.' })
export class ChangeValue {
  @Field(() => DetailField)
  field: DetailField;

  @Field(() => GraphQLJSON, { description: 'The stored value.' })
  value: unknown;
}
