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

/**
 * Who made a change, as history records it: the agent (for a token, its
 * creator) and the token it came through, if any. Both null: the system.
 */
export interface Actor {
  agentId: string | null;
  tokenId: string | null;
  /** Set when an import job writes the change: its id, kept on each history entry. */
  importJobId?: string;
}

/** The actor of a request's changes (the system when there is no viewer). */
export const actorOf = (viewer: ViewerIdentity | null): Actor => ({
  agentId: viewer?.agentId ?? null,
  tokenId: viewer?.kind === 'token' ? viewer.id : null,
});
