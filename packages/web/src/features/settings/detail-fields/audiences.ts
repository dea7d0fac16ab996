import { editWithinView } from '@cp/shared';
import type { FieldAudienceInput } from '../../../gql/graphql';

/** Who may view and who may edit a field, as the dialogs hold it. Admins are always in, so they are not part of it. */
export interface AudiencesDraft {
  viewAll: boolean;
  viewTeamIds: string[];
  editAll: boolean;
  editTeamIds: string[];
}

/** A new field is for everyone until the admin narrows it (the API's default too). */
export const EVERY_AGENT: AudiencesDraft = { viewAll: true, viewTeamIds: [], editAll: true, editTeamIds: [] };

/**
 * Editing implies viewing, and the API refuses an edit audience wider than
 * the view audience: the shared `editWithinView` (the rule the API checks)
 * narrows who may edit whenever who may view narrows, so the form can never
 * hold what would be refused.
 */
export function keepEditWithinView(draft: AudiencesDraft): AudiencesDraft {
  const edit = editWithinView({ allAgents: draft.viewAll, teamIds: draft.viewTeamIds }, { allAgents: draft.editAll, teamIds: draft.editTeamIds });
  return { ...draft, editAll: edit.allAgents, editTeamIds: [...edit.teamIds] };
}

/** One audience as the API returns it. */
interface Audience {
  agents: boolean;
  teams: ReadonlyArray<{ id: string }>;
}

export function audiencesDraftOf({ view, edit }: { view: Audience; edit: Audience }): AudiencesDraft {
  return {
    viewAll: view.agents,
    viewTeamIds: view.teams.map((team) => team.id),
    editAll: edit.agents,
    editTeamIds: edit.teams.map((team) => team.id),
  };
}

export function audienceInputs(draft: AudiencesDraft): { view: FieldAudienceInput; edit: FieldAudienceInput } {
  return {
    view: { agents: draft.viewAll, teamIds: draft.viewAll ? [] : draft.viewTeamIds },
    edit: { agents: draft.editAll, teamIds: draft.editAll ? [] : draft.editTeamIds },
  };
}
