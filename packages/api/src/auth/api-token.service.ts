import { problem } from '@cp/shared';
import { DataSource } from 'typeorm';
import { roleCovers, roleGrants, PERMISSIONS } from '@cp/shared';
import { ApiToken } from './api-token.entity';
import type { CreateApiTokenInput } from './api-token.inputs';
import { hashSecretToken, newSecretToken } from './secret-token';
import type { ViewerIdentity } from './viewer';
import { badInput, forbidden, notFound } from '../common/domain-error';
import { assertIds, isUuid, uniq } from '../common/ids';
import type { Role } from '../graphql/enums';
import { SharedCache, type CacheInvalidation } from '../db/cache-invalidation';

/** last_used_at is written at most this often per token, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** A cached token: its viewer, and when its last use was last written (ms since the epoch). */
interface CachedToken {
  viewer: ViewerIdentity;
  usedAt: number;
}

interface TokenRow {
  id: string;
  name: string;
  role: Role;
  createdById: string | null;
  email: string | null;
  teamIds: string[];
  lastUsedAt: Date | null;
}

/**
 * API tokens: creation, listing, revocation, and turning a bearer secret
 * into a viewer. A token's viewer is kept in this process (at most 60 s)
 * until a `viewers` notice: revoking it, changing its teams or its
 * creator, in any process, drops it (`db/cache-invalidation.ts`).
 */
export class ApiTokenService {
  private readonly tokens: SharedCache<CachedToken>;

  constructor(
    private readonly db: DataSource,
    invalidation: CacheInvalidation,
  ) {
    this.tokens = new SharedCache(invalidation, 'viewers', { ttlMs: 60_000, maxEntries: 10_000 });
  }

  async create(viewer: ViewerIdentity, input: CreateApiTokenInput): Promise<{ token: string; apiToken: ApiToken }> {
    if (!roleCovers(viewer.role, input.role)) throw forbidden(problem('TOKEN_ROLE_TOO_HIGH'));
    const teamIds = uniq(input.teamIds ?? []);
    assertIds(teamIds, 'teamIds');
    const isAdmin = roleGrants(viewer.role, PERMISSIONS.MANAGE_API_TOKENS);
    if (!isAdmin && teamIds.some((id) => !viewer.teamIds.includes(id))) {
      throw forbidden(problem('TOKEN_TEAMS_NOT_YOURS'));
    }
    const token = newSecretToken('cpt');
    const apiToken = await this.db.transaction(async (tx) => {
      const saved = await tx.getRepository(ApiToken).save(
        tx.getRepository(ApiToken).create({
          name: input.name.trim(),
          role: input.role,
          tokenHash: hashSecretToken(token),
          createdById: viewer.agentId,
        }),
      );
      if (teamIds.length > 0) {
        const inserted = await tx.query(
          `INSERT INTO api_token_teams (api_token_id, team_id) SELECT $1, id FROM teams WHERE id = ANY($2::uuid[]) RETURNING team_id`,
          [saved.id, teamIds],
        );
        if (inserted.length !== teamIds.length) throw badInput(problem('UNKNOWN_IDS', { field: 'teamIds' }), 'teamIds');
      }
      return saved;
    });
    return { token, apiToken };
  }

  /** Admins see every token; others see the tokens they created. */
  list(viewer: ViewerIdentity): Promise<ApiToken[]> {
    const all = roleGrants(viewer.role, PERMISSIONS.MANAGE_API_TOKENS);
    if (!all && !viewer.agentId) return Promise.resolve([]);
    return this.db.getRepository(ApiToken).find({
      where: all ? {} : { createdById: viewer.agentId ?? undefined },
      order: { createdAt: 'DESC' },
    });
  }

  async revoke(viewer: ViewerIdentity, id: string): Promise<ApiToken> {
    const repo = this.db.getRepository(ApiToken);
    const token = isUuid(id) ? await repo.findOneBy({ id }) : null;
    const mayManage = roleGrants(viewer.role, PERMISSIONS.MANAGE_API_TOKENS) || (token && token.createdById === viewer.agentId);
    // Someone else's token is reported as missing, so ids cannot be probed.
    if (!token || !mayManage) throw notFound('API_TOKEN', id);
    if (!token.revokedAt) {
      token.revokedAt = new Date();
      await repo.save(token);
    }
    return token;
  }

  /**
   * The viewer of a bearer secret (frozen: shared by the requests of this
   * process), or null once it is revoked or its creator deactivated. Stamps
   * the token's last use at most once a minute.
   */
  async viewerForToken(secret: string): Promise<ViewerIdentity | null> {
    const token = await this.tokens.get(hashSecretToken(secret), async () => {
      const row = await this.tokenRow('t.token_hash = $1', hashSecretToken(secret));
      return row && { viewer: toViewer(row), usedAt: row.lastUsedAt?.getTime() ?? 0 };
    });
    if (!token) return null;
    if (isStale(token.usedAt)) {
      // Set before the write, so the requests meanwhile do not write it too.
      token.usedAt = Date.now();
      await this.stamp(token.viewer.id);
    }
    return token.viewer;
  }

  /** The viewer of a token by its id (a job it started runs as it, uncached), or null once it is revoked or its creator deactivated; stamps its last use like a request. */
  async viewerForTokenId(id: string): Promise<ViewerIdentity | null> {
    const row = isUuid(id) ? await this.tokenRow('t.id = $1', id) : null;
    if (row && isStale(row.lastUsedAt?.getTime() ?? 0)) await this.stamp(row.id);
    return row && toViewer(row);
  }

  private async stamp(id: string): Promise<void> {
    await this.db.query('UPDATE api_tokens SET last_used_at = now() WHERE id = $1', [id]);
  }

  private async tokenRow(condition: string, value: string): Promise<TokenRow | null> {
    const rows: TokenRow[] = await this.db.query(
      `SELECT t.id, t.name, t.role, t.created_by_id AS "createdById", a.email, t.last_used_at AS "lastUsedAt",
              ARRAY(SELECT team_id::text FROM api_token_teams WHERE api_token_id = t.id) AS "teamIds"
         FROM api_tokens t LEFT JOIN agents a ON a.id = t.created_by_id
        WHERE ${condition} AND t.revoked_at IS NULL
          AND (t.created_by_id IS NULL OR a.active)`,
      [value],
    );
    return rows[0] ?? null;
  }
}

/** Whether a last use stamped at `usedAt` (ms since the epoch) is due to be written again. */
const isStale = (usedAt: number): boolean => Date.now() - usedAt >= LAST_USED_RESOLUTION_MS;

/** A token's viewer, frozen (a cached one serves many requests). */
const toViewer = (row: TokenRow): ViewerIdentity =>
  Object.freeze({ kind: 'token' as const, id: row.id, agentId: row.createdById, email: row.email ?? '', displayName: row.name, role: row.role, teamIds: Object.freeze(row.teamIds) });
