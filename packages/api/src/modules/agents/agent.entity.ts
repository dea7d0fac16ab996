import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Role } from '../../graphql/enums';

@ObjectType({ simpleResolvers: true, description: 'A person who works in the help desk: an agent or an admin.' })
@Entity('agents')
export class Agent {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'citext' })
  email: string;

  @Field()
  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Field(() => Role)
  @Column({ type: 'text' })
  role: Role;

  /** Never selected unless asked for, so it cannot travel anywhere by accident. */
  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash: string;

  @Field({ description: 'Inactive agents cannot sign in; their sessions end at once.' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => Int, { description: 'Bumped on every change; pass it back as expectedVersion.' })
  @VersionColumn()
  version: number;
}
