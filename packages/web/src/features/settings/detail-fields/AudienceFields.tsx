import { Fieldset, MultiSelect, Stack, Switch, Text, type ComboboxItem } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { editWithinView } from '@cp/shared';
import { keepEditWithinView, type AudiencesDraft } from './audiences';

interface AudienceFieldsProps {
  value: AudiencesDraft;
  onChange: (value: AudiencesDraft) => void;
  teams: ComboboxItem[];
  /** The API's refusal of the edit audience, shown where it applies. */
  error?: string;
}

/** "Who can view" and "Who can edit": every agent, or members of chosen teams (admins always). */
export function AudienceFields({ value, onChange, teams, error }: AudienceFieldsProps) {
  const { t } = useTranslation();
  const change = (next: Partial<AudiencesDraft>) => onChange(keepEditWithinView({ ...value, ...next }));
  // Only teams that may view can be given edit rights: the shared rule applied to every team.
  const editable = editWithinView({ allAgents: value.viewAll, teamIds: value.viewTeamIds }, { allAgents: false, teamIds: teams.map((team) => team.value) });
  const editTeams = teams.filter((team) => editable.teamIds.includes(team.value));
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('detailFields.adminsAlways')}
      </Text>
      <Fieldset legend={t('detailFields.whoCanView')} variant="filled">
        <Stack gap="sm">
          <Switch
            label={t('detailFields.allAgentsCanView')}
            checked={value.viewAll}
            onChange={(event) => change({ viewAll: event.currentTarget.checked })}
          />
          {!value.viewAll && (
            <MultiSelect
              label={t('detailFields.teamsCanView')}
              placeholder={value.viewTeamIds.length === 0 ? t('detailFields.adminsOnly') : undefined}
              data={teams}
              searchable
              clearable
              value={value.viewTeamIds}
              onChange={(viewTeamIds) => change({ viewTeamIds })}
            />
          )}
        </Stack>
      </Fieldset>
      <Fieldset legend={t('detailFields.whoCanEdit')} variant="filled">
        <Stack gap="sm">
          <Switch
            label={t('detailFields.allAgentsCanEdit')}
            description={value.viewAll ? undefined : t('detailFields.editWithinView')}
            disabled={!value.viewAll}
            checked={value.editAll}
            onChange={(event) => change({ editAll: event.currentTarget.checked })}
          />
          {!value.editAll && (
            <MultiSelect
              label={t('detailFields.teamsCanEdit')}
              placeholder={value.editTeamIds.length === 0 ? t('detailFields.adminsOnly') : undefined}
              data={editTeams}
              searchable
              clearable
              value={value.editTeamIds}
              onChange={(editTeamIds) => change({ editTeamIds })}
              error={error}
            />
          )}
        </Stack>
      </Fieldset>
      {value.editAll && error && (
        <Text size="sm" c="red.8" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
