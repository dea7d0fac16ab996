import { PERMISSIONS, roleGrants, type Role } from './roles';

/**
 * Who one of a detail field's permissions (view or edit) admits: every agent,
 * or the members of some teams. Admins are not part of it: they are always in
 * (see `fieldAccess`). No teams and not every agent means no agent.
 */
export interface Audience {
  allAgents: boolean;
  teamIds: readonly string[];
}

/** Whoever asks: an agent's or an API token's role and teams. */
export interface AudienceMember {
  role: Role;
  teamIds: readonly string[];
}

/** Whether an audience admits this agent or token (by "every agent" or by a shared team). */
export function audienceAdmits(audience: Audience, member: AudienceMember | null): boolean {
  return member !== null && (audience.allAgents || audience.teamIds.some((team) => member.teamIds.includes(team)));
}

/**
 * What a viewer may do with a field's values. Whoever may manage fields
 * (admins) views and edits every field; anyone else views what the view
 * audience admits and edits what both audiences admit (edit implies view,
 * even if stored audiences were ever to disagree). Anonymous: nothing.
 */
export function fieldAccess(field: { view: Audience; edit: Audience }, member: AudienceMember | null): { view: boolean; edit: boolean } {
  if (member && roleGrants(member.role, PERMISSIONS.MANAGE_FIELDS)) return { view: true, edit: true };
  const view = audienceAdmits(field.view, member);
  return { view, edit: view && audienceAdmits(field.edit, member) };
}

/**
 * Where an edit audience reaches beyond its view audience (edit implies view,
 * so that is refused): every agent while the view is narrower, or the first
 * team that may edit but not view. Null when the edit audience is within.
 */
export function editBeyondView(view: Audience, edit: Audience): { allAgents: true } | { teamId: string } | null {
  if (view.allAgents) return null;
  if (edit.allAgents) return { allAgents: true };
  const outside = edit.teamIds.find((id) => !view.teamIds.includes(id));
  return outside === undefined ? null : { teamId: outside };
}

/**
 * The edit audience narrowed to what the view audience admits, so a form can
 * never hold what `editBeyondView` refuses: narrowing who may view narrows
 * who may edit with it.
 */
export function editWithinView(view: Audience, edit: Audience): Audience {
  if (view.allAgents) return edit;
  return { allAgents: false, teamIds: edit.teamIds.filter((id) => view.teamIds.includes(id)) };
}
