import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { Agent } from '../agents/agent.entity';

@ObjectType({ simpleResolvers: true, description: 'A group of agents; detail field permissions can name teams.' })
@Entity('teams')
export class Team {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'citext' })
  name: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Int, { description: 'Bumped on every change (name or members); pass it back as expectedVersion.' })
  @VersionColumn()
  version: number;

  /** Used for writes only; reads go through the per-request loaders. */
  @ManyToMany(() => Agent)
  @JoinTable({
    name: 'team_members',
    joinColumn: { name: 'team_id' },
    inverseJoinColumn: { name: 'agent_id' },
  })
  members: Agent[];
}
