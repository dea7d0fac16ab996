import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Audience } from '@cp/shared';
import { DetailFieldScope, DetailFieldType } from './detail-field.enums';

/** Who may view or edit a field: the shared rule's shape (admins always; every agent, or members of teams). */
export type { Audience };

@ObjectType({ simpleResolvers: true, description: 'An admin-defined detail of customers, organizations or entitlements.' })
@Entity('detail_fields')
export class DetailField {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Stable, derived from the label at creation; never changes.' })
  @Column({ type: 'text' })
  key: string;

  @Field()
  @Column({ type: 'citext' })
  label: string;

  @Field(() => DetailFieldType, { description: 'Fixed after creation.' })
  @Column({ type: 'text' })
  type: DetailFieldType;

  @Field(() => DetailFieldScope)
  @Column({ type: 'text' })
  scope: DetailFieldScope;

  @Field(() => [String], { description: 'Choices of SELECT and MULTI_SELECT fields, in display order.' })
  @Column({ type: 'jsonb', default: () => `'[]'` })
  options: string[];

  @Field(() => Int)
  @Column({ type: 'integer' })
  position: number;

  @Field()
  @Column({ type: 'boolean', default: false })
  archived: boolean;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** Loaded with the definition from the permission tables. */
  view: Audience;
  edit: Audience;
}
