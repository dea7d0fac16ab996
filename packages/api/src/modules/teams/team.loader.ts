import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { Team } from './team.entity';
import { Agent } from '../agents/agent.entity';
import { groupBy } from '../../common/group-by';

export function createTeamLoaders(db: DataSource) {
  return {
    teamById: new DataLoader<string, Team | null>(async (ids) => {
      const teams = await db.getRepository(Team).findBy({ id: In([...ids]) });
      const byId = new Map(teams.map((t) => [t.id, t]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    teamsByAgentId: new DataLoader<string, Team[]>(async (agentIds) => {
      const rows: Array<Team & { agentId: string }> = await db.query(
        `SELECT m.agent_id AS "agentId", t.id, t.name, t.created_at AS "createdAt"
           FROM team_members m JOIN teams t ON t.id = m.team_id
          WHERE m.agent_id = ANY($1::uuid[]) ORDER BY t.name`,
        [agentIds],
      );
      return groupBy(agentIds, rows, (r) => r.agentId).map((group) => group.map((r) => Object.assign(new Team(), r)));
    }),
    membersByTeamId: new DataLoader<string, Agent[]>(async (teamIds) => {
      const rows: Array<Agent & { teamId: string }> = await db.query(
        `SELECT m.team_id AS "teamId", a.id, a.email, a.display_name AS "displayName", a.role, a.active,
                a.created_at AS "createdAt", a.updated_at AS "updatedAt"
           FROM team_members m JOIN agents a ON a.id = m.agent_id
          WHERE m.team_id = ANY($1::uuid[]) ORDER BY a.display_name, a.id`,
        [teamIds],
      );
      return groupBy(teamIds, rows, (r) => r.teamId).map((group) => group.map((r) => Object.assign(new Agent(), r)));
    }),
    teamsByApiTokenId: new DataLoader<string, Team[]>(async (tokenIds) => {
      const rows: Array<Team & { tokenId: string }> = await db.query(
        `SELECT a.api_token_id AS "tokenId", t.id, t.name, t.created_at AS "createdAt"
           FROM api_token_teams a JOIN teams t ON t.id = a.team_id
          WHERE a.api_token_id = ANY($1::uuid[]) ORDER BY t.name`,
        [tokenIds],
      );
      return groupBy(tokenIds, rows, (r) => r.tokenId).map((group) => group.map((r) => Object.assign(new Team(), r)));
    }),
  };
}
