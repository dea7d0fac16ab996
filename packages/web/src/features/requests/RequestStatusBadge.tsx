import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestStatus } from '../../gql/graphql';
import { STATUS_COLORS } from './request-status';

/** A request's status as a coloured word; never truncated, since the word is the message. */
export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" styles={{ label: { overflow: 'visible' } }}>
      {t(`requests.status.${status}`)}
    </Badge>
  );
}
