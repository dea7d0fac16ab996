import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { Team } from './team.entity';
import { Agent } from '../agents/agent.entity';
import { groupBy } from '../../common/group-by';

/** Teams linked to owners through a join table (agent memberships, token teams), one batch per request tick. */
function teamsThrough(db: DataSource, joinTable: 'team_members' | 'api_token_teams', ownerColumn: 'agent_id' | 'api_token_id') {
  return new DataLoader<string, Team[]>(async (ownerIds) => {
    const rows: Array<Team & { ownerId: string }> = await db.query(
      `SELECT j.${ownerColumn} AS "ownerId", t.id, t.name, t.version, t.created_at AS "createdAt"
         FROM ${joinTable} j JOIN teams t ON t.id = j.team_id
        WHERE j.${ownerColumn} = ANY($1::uuid[]) ORDER BY t.name`,
      [ownerIds],
    );
    return groupBy(ownerIds, rows, (r) => r.ownerId).map((group) => group.map(({ ownerId: _owner, ...team }) => Object.assign(new Team(), team)));
  });
}

export function createTeamLoaders(db: DataSource) {
  return {
    teamById: new DataLoader<string, Team | null>(async (ids) => {
      const teams = await db.getRepository(Team).findBy({ id: In([...ids]) });
      const byId = new Map(teams.map((t) => [t.id, t]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    teamsByAgentId: teamsThrough(db, 'team_members', 'agent_id'),
    membersByTeamId: new DataLoader<string, Agent[]>(async (teamIds) => {
      const rows: Array<Agent & { teamId: string }> = await db.query(
        `SELECT m.team_id AS "teamId", a.id, a.email, a.display_name AS "displayName", a.role, a.active, a.version,
                a.created_at AS "createdAt", a.updated_at AS "updatedAt"
           FROM team_members m JOIN agents a ON a.id = m.agent_id
          WHERE m.team_id = ANY($1::uuid[]) ORDER BY a.display_name, a.id`,
        [teamIds],
      );
      return groupBy(teamIds, rows, (r) => r.teamId).map((group) => group.map((r) => Object.assign(new Agent(), r)));
    }),
    teamsByApiTokenId: teamsThrough(db, 'api_token_teams', 'api_token_id'),
  };
}
