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
}

/** Sessions: sign-in, sign-out, and turning a cookie back into a viewer. */
export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly limiter: SignInLimiter,
    private readonly sessionTtlMs: number,
  ) {}

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

  async viewerForSession(sessionToken: string): Promise<ViewerIdentity | null> {
    const tokenHash = hashSecretToken(sessionToken);
    const viewer = await this.agentViewer('JOIN sessions s ON s.agent_id = a.id', 's.token_hash = $1 AND s.expires_at > now()', tokenHash);
    return viewer && { ...viewer, sessionTokenHash: tokenHash };
  }

  /** The viewer an active agent is, without a session (a job they started runs as them); null for an unknown or deactivated agent. */
  async viewerForAgent(agentId: string): Promise<ViewerIdentity | null> {
    return isUuid(agentId) ? this.agentViewer('', 'a.id = $1', agentId) : null;
  }

  private async agentViewer(join: string, condition: string, value: string): Promise<ViewerIdentity | null> {
    const rows: ViewerRow[] = await this.db.query(
      `SELECT a.id, a.email, a.display_name AS "displayName", a.role,
              ARRAY(SELECT team_id::text FROM team_members WHERE agent_id = a.id) AS "teamIds"
         FROM agents a ${join} WHERE ${condition} AND a.active`,
      [value],
    );
    const row = rows[0];
    if (!row) return null;
    return { kind: 'session', id: row.id, agentId: row.id, email: row.email, displayName: row.displayName, role: row.role, teamIds: row.teamIds };
  }

  /** Expired sessions are useless; removing them keeps the table small. */
  async deleteExpiredSessions(): Promise<number> {
    const result = await this.db.query('DELETE FROM sessions WHERE expires_at <= now()');
    return result[1] ?? 0;
  }
}
