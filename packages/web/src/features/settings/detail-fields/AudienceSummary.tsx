import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TeamBadges } from '../TeamBadges';

interface AudienceSummaryProps {
  audience: { agents: boolean; teams: ReadonlyArray<{ id: string; name: string }> };
}

/** "All agents", the teams by name, or "Admins only" when nobody else is admitted. */
export function AudienceSummary({ audience }: AudienceSummaryProps) {
  const { t } = useTranslation();
  if (audience.agents) return <Text size="sm">{t('detailFields.allAgents')}</Text>;
  if (audience.teams.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('detailFields.adminsOnly')}
      </Text>
    );
  }
  return <TeamBadges teams={audience.teams} />;
}
