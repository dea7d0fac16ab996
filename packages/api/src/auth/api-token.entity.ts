import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '../graphql/enums';
import { Team } from '../modules/teams/team.entity';

@ObjectType({ simpleResolvers: true, description: 'A credential for a partner tool. Acts with its own role and teams.' })
@Entity('api_tokens')
export class ApiToken {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => Role)
  @Column({ type: 'text' })
  role: Role;

  /** SHA-256 of the secret: the token is long and random, so a slow hash adds nothing. */
  @Column({ name: 'token_hash', type: 'text', select: false })
  tokenHash: string;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @ManyToMany(() => Team)
  @JoinTable({
    name: 'api_token_teams',
    joinColumn: { name: 'api_token_id' },
    inverseJoinColumn: { name: 'team_id' },
  })
  teams: Team[];
}
