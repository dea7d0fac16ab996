import type { DataSource } from 'typeorm';
import { createAgentLoaders } from '../modules/agents/agent.loader';
import { createTeamLoaders } from '../modules/teams/team.loader';

/** Fresh per request, so a cache never serves one viewer's rows to another. */
export function createLoaders(db: DataSource) {
  return { ...createAgentLoaders(db), ...createTeamLoaders(db) };
}

export type Loaders = ReturnType<typeof createLoaders>;
