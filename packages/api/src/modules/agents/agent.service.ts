import { problem } from '@cp/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { Agent } from './agent.entity';
import type { CreateAgentInput, UpdateAgentInput } from './agent.inputs';
import { hashPassword } from '../../auth/password';
import { Role } from '../../graphql/enums';
import { badInput, notFound } from '../../common/domain-error';
import { assertIds, isUuid, uniq } from '../../common/ids';
import { constraintError } from '../../db/pg-errors';
import { lockExpectedVersion } from '../../common/optimistic-lock';

export class AgentService {
  constructor(private readonly db: DataSource) {}

  list(includeInactive: boolean): Promise<Agent[]> {
    return this.db.getRepository(Agent).find({
      where: includeInactive ? {} : { active: true },
      order: { displayName: 'ASC', id: 'ASC' },
    });
  }

  async create(input: CreateAgentInput): Promise<Agent> {
    const teamIds = uniq(input.teamIds ?? []);
    assertIds(teamIds, 'teamIds');
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(async (tx) => {
      let agent: Agent;
      try {
        agent = await tx.getRepository(Agent).save(
          tx.getRepository(Agent).create({
            email: input.email.trim(),
            displayName: input.displayName.trim(),
            role: input.role,
            passwordHash,
          }),
        );
      } catch (error) {
        throw await constraintError(this.db, error, { email: input.email.trim() });
      }
      await this.replaceTeams(tx, agent.id, teamIds);
      return agent;
    });
  }

  async update(input: UpdateAgentInput, actingAgentId: string | null): Promise<Agent> {
    if (!isUuid(input.id)) throw notFound('AGENT', input.id);
    if (actingAgentId === input.id && (input.active === false || input.role === Role.AGENT)) {
      // Keeps at least the acting admin able to undo whatever they do next.
      throw badInput(problem('CANNOT_DEMOTE_SELF'), input.active === false ? 'active' : 'role');
    }
    const teamIds = input.teamIds && uniq(input.teamIds);
    if (teamIds) assertIds(teamIds, 'teamIds');
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(Agent);
      if (input.expectedVersion != null) await lockExpectedVersion(tx, 'agents', 'AGENT', input.id, input.expectedVersion);
      const agent = await repo.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!agent) throw notFound('AGENT', input.id);
      if (input.displayName !== undefined) agent.displayName = input.displayName.trim();
      if (input.role != null) agent.role = input.role;
      if (input.active != null) agent.active = input.active;
      await repo.save(agent);
      if (teamIds) await this.replaceTeams(tx, agent.id, teamIds);
      if (input.active === false || input.role != null) {
        // A changed role or a deactivation takes effect now, not when old sessions expire.
        await tx.query('DELETE FROM sessions WHERE agent_id = $1', [agent.id]);
      }
      return agent;
    });
  }

  /** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when there are no agents yet. */
  async ensureFirstAdmin(email: string, password: string): Promise<boolean> {
    const count = await this.db.getRepository(Agent).count();
    if (count > 0) return false;
    await this.create({ email, password, displayName: email.split('@')[0], role: Role.ADMIN });
    return true;
  }

  private async replaceTeams(tx: EntityManager, agentId: string, teamIds: string[]): Promise<void> {
    await tx.query('DELETE FROM team_members WHERE agent_id = $1', [agentId]);
    if (teamIds.length === 0) return;
    const inserted = await tx.query(
      `INSERT INTO team_members (team_id, agent_id) SELECT id, $1 FROM teams WHERE id = ANY($2::uuid[]) RETURNING team_id`,
      [agentId, teamIds],
    );
    if (inserted.length !== teamIds.length) throw badInput(problem('UNKNOWN_IDS', { field: 'teamIds' }), 'teamIds');
  }
}
