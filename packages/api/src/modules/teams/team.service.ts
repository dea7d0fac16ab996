import { problem } from '@cp/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { Team } from './team.entity';
import { badInput, notFound } from '../../common/domain-error';
import { assertIds, isUuid, uniq } from '../../common/ids';
import { constraintError } from '../../db/pg-errors';
import { lockExpectedVersion } from '../../common/optimistic-lock';

export class TeamService {
  constructor(private readonly db: DataSource) {}

  list(): Promise<Team[]> {
    return this.db.getRepository(Team).find({ order: { name: 'ASC' } });
  }

  async create(name: string, memberIds: readonly string[] = []): Promise<Team> {
    const members = uniq(memberIds);
    assertIds(members, 'memberIds');
    return this.db.transaction(async (tx) => {
      const team = await this.saveName(tx, tx.getRepository(Team).create({ name: name.trim() }));
      await this.replaceMembers(tx, team.id, members);
      return team;
    });
  }

  async rename(id: string, name: string, expectedVersion?: number | null): Promise<Team> {
    return this.db.transaction(async (tx) => {
      const team = await this.find(tx, id, expectedVersion);
      team.name = name.trim();
      return this.saveName(tx, team);
    });
  }

  async setMembers(id: string, memberIds: readonly string[], expectedVersion?: number | null): Promise<Team> {
    const members = uniq(memberIds);
    assertIds(members, 'memberIds');
    return this.db.transaction(async (tx) => {
      const team = await this.find(tx, id, expectedVersion);
      await this.replaceMembers(tx, team.id, members);
      // Membership is part of the team: its version moves with it.
      await tx.query('UPDATE teams SET version = version + 1 WHERE id = $1', [team.id]);
      team.version += 1;
      return team;
    });
  }

  private async find(tx: EntityManager, id: string, expectedVersion?: number | null): Promise<Team> {
    if (expectedVersion != null) await lockExpectedVersion(tx, 'teams', 'TEAM', id, expectedVersion);
    const team = isUuid(id) ? await tx.getRepository(Team).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!team) throw notFound('TEAM', id);
    return team;
  }

  private async saveName(tx: EntityManager, team: Team): Promise<Team> {
    try {
      return await tx.getRepository(Team).save(team);
    } catch (error) {
      throw await constraintError(this.db, error, { name: team.name });
    }
  }

  private async replaceMembers(tx: EntityManager, teamId: string, agentIds: string[]): Promise<void> {
    await tx.query('DELETE FROM team_members WHERE team_id = $1', [teamId]);
    if (agentIds.length === 0) return;
    const inserted = await tx.query(
      `INSERT INTO team_members (team_id, agent_id) SELECT $1, id FROM agents WHERE id = ANY($2::uuid[]) RETURNING agent_id`,
      [teamId, agentIds],
    );
    if (inserted.length !== agentIds.length) throw badInput(problem('UNKNOWN_IDS', { field: 'memberIds' }), 'memberIds');
  }
}
