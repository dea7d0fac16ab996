import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { Agent } from './agent.entity';

export function createAgentLoaders(db: DataSource) {
  return {
    agentById: new DataLoader<string, Agent | null>(async (ids) => {
      const agents = await db.getRepository(Agent).findBy({ id: In([...ids]) });
      const byId = new Map(agents.map((a) => [a.id, a]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
