import 'reflect-metadata';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { Agent } from '../modules/agents/agent.entity';
import { Team } from '../modules/teams/team.entity';
import { Session } from '../auth/session.entity';
import { ApiToken } from '../auth/api-token.entity';
import { CreatePeople1764072000000 } from './migrations/1764072000000-create-people';

export const entities = [Agent, Team, Session, ApiToken];
export const migrations = [CreatePeople1764072000000];

export interface DataSourceOptions {
  url: string;
  poolSize: number;
  /** Lets tests count the SQL statements an operation sends. */
  logger?: TypeOrmLogger;
}

export function createDataSource({ url, poolSize, logger }: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    poolSize,
    logger,
    logging: logger ? ['query'] : false,
    applicationName: 'customer-profiles',
  });
}
