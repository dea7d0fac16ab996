import { problem } from '@cp/shared';
import { DataSource } from 'typeorm';
import { Agent } from '../modules/agents/agent.entity';
import { Session } from './session.entity';
import { decoyPasswordHash, verifyPassword } from './password';
import { hashSecretToken, newSecretToken } from './secret-token';
import type { SignInLimiter } from './sign-in-limiter';
import type { ViewerIdentity } from './viewer';
import { DomainError } from '../common/domain-error';
import { isUuid } from '../common/ids';
import type { Role } from '../graphql/enums';
import { SharedCache, type CacheInvalidation } from '../db/cache-invalidation';

export interface SignInResult {
  /** Goes into the cookie; never stored. */
  sessionToken: string;
  expiresAt: Date;
  viewer: ViewerIdentity;
}

interface ViewerRow {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  teamIds: string[];
  /** The session's expiry (null without a session). */
  expiresAt: Date | null;
}

/** A cached session: its viewer, and when it ends (ms since the epoch). */
interface CachedSession {
  viewer: ViewerIdentity;
  expiresAt: number;
}

/**
 * Sessions: sign-in, sign-out, and turning a cookie back into a viewer. The
 * viewer of a session is kept in this process (at most 60 s, never past the
 * session's end) until a `viewers` notice: signing out, a changed role, team
 * or deactivation, in any process, drops it (`db/cache-invalidation.ts`).
 */
export class AuthService {
  private readonly sessions: SharedCache<CachedSession>;

  constructor(
    private readonly db: DataSource,
    private readonly limiter: SignInLimiter,
    private readonly sessionTtlMs: number,
    invalidation: CacheInvalidation,
  ) {
    this.sessions = new SharedCache(invalidation, 'viewers', { ttlMs: 60_000, maxEntries: 10_000 });
  }

  async signIn(email: string, password: string, address: string, replacedSessionToken?: string): Promise<SignInResult> {
    await this.limiter.assertAllowed(email, address);
    const agent = await this.db
      .getRepository(Agent)
      .createQueryBuilder('a')
      .addSelect('a.passwordHash')
      .where('a.email = :email AND a.active', { email: email.trim() })
      .getOne();
    // Same work and same answer for an unknown email as for a wrong password.
    const ok = await verifyPassword(agent?.passwordHash ?? (await decoyPasswordHash()), password);
    if (!agent || !ok) {
      await this.limiter.recordFailure(email, address);
      throw new DomainError('UNAUTHENTICATED', problem('WRONG_CREDENTIALS'));
    }
    await this.limiter.recordSuccess(email);
    const sessionToken = newSecretToken('cps');
    const expiresAt = new Date(Date.now() + this.sessionTtlMs);
    await this.db.transaction(async (tx) => {
      // Rotation: a sign-in never keeps the session id the browser came with.
      if (replacedSessionToken) await tx.delete(Session, { tokenHash: hashSecretToken(replacedSessionToken) });
      await tx.insert(Session, { tokenHash: hashSecretToken(sessionToken), agentId: agent.id, expiresAt });
    });
    const viewer = await this.viewerForSession(sessionToken);
    if (!viewer) throw new Error('session vanished right after it was created');
    return { sessionToken, expiresAt, viewer };
  }

  async signOut(sessionTokenHash: string): Promise<void> {
    await this.db.getRepository(Session).delete({ tokenHash: sessionTokenHash });
  }

  /** The viewer of a session cookie's token (frozen: shared by the requests of this process), or null for an unknown or expired session or a deactivated agent. */
  async viewerForSession(sessionToken: string): Promise<ViewerIdentity | null> {
    const tokenHash = hashSecretToken(sessionToken);
    const session = await this.sessions.get(
      tokenHash,
      async () => {
        const row = await this.agentRow('JOIN sessions s ON s.agent_id = a.id', 's.expires_at', 's.token_hash = $1 AND s.expires_at > now()', tokenHash);
        return row && { viewer: toViewer(row, tokenHash), expiresAt: row.expiresAt!.getTime() };
      },
      (cached) => cached.expiresAt,
    );
    return session && session.viewer;
  }

  /** The viewer an active agent is, without a session (a job they started runs as them); null for an unknown or deactivated agent. */
  async viewerForAgent(agentId: string): Promise<ViewerIdentity | null> {
    if (!isUuid(agentId)) return null;
    const row = await this.agentRow('', 'NULL', 'a.id = $1', agentId);
    return row && toViewer(row);
  }

  private async agentRow(join: string, expiresAt: string, condition: string, value: string): Promise<ViewerRow | null> {
    const rows: ViewerRow[] = await this.db.query(
      `SELECT a.id, a.email, a.display_name AS "displayName", a.role, ${expiresAt} AS "expiresAt",
              ARRAY(SELECT team_id::text FROM team_members WHERE agent_id = a.id) AS "teamIds"
         FROM agents a ${join} WHERE ${condition} AND a.active`,
      [value],
    );
    return rows[0] ?? null;
  }

  /** Expired sessions are useless; removing them keeps the table small. */
  async deleteExpiredSessions(): Promise<number> {
    const result = await this.db.query('DELETE FROM sessions WHERE expires_at <= now()');
    return result[1] ?? 0;
  }
}

/** An agent's viewer, frozen (a cached one serves many requests); with the hash of the session it came through, if any. */
function toViewer(row: ViewerRow, sessionTokenHash?: string): ViewerIdentity {
  return Object.freeze({
    kind: 'session' as const,
    id: row.id,
    agentId: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    teamIds: Object.freeze(row.teamIds),
    ...(sessionTokenHash ? { sessionTokenHash } : {}),
  });
}
