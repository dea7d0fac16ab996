import type { ApolloServerPlugin } from '@apollo/server';
import type { DataSource } from 'typeorm';
import type { CacheInvalidation } from '../db/cache-invalidation';
import type { Context } from './context';

/**
 * A mutation's answer waits until every API process has heard the cache
 * notices of what it committed (`CacheInvalidation.barrier`), so the
 * client's next request, to any process, already sees a signed-out session,
 * a revoked token or a narrowed field. Queries pass straight through.
 */
export function cacheBarrierPlugin(db: DataSource, invalidation: CacheInvalidation): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation }) {
          if (operation?.operation === 'mutation') await invalidation.barrier((sql, params) => db.query(sql, params));
        },
      };
    },
  };
}
