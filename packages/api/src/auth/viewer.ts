import type { Role } from '../graphql/enums';

/**
 * Who is asking: a signed-in agent (session) or a partner tool (API token).
 * Built once per request; every permission decision starts from it.
 */
export interface ViewerIdentity {
  kind: 'session' | 'token';
  /** The agent's id for sessions, the token's id for tokens. */
  id: string;
  /** The agent behind the request: the signed-in one, or the token's creator. */
  agentId: string | null;
  email: string;
  displayName: string;
  role: Role;
  teamIds: readonly string[];
  /** Set for sessions, so sign-out can end exactly this one. */
  sessionTokenHash?: string;
}
