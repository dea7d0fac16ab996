import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from './paths';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="center" gap="sm" py={80} ta="center">
      <Text c="dimmed" fw={700} fz={48} lh={1} aria-hidden>
        404
      </Text>
      <Title order={1} size="h2">
        {t('notFound.title')}
      </Title>
      <Text c="dimmed">{t('notFound.body')}</Text>
      <Button component={Link} to={paths.customers} variant="light" mt="sm">
        {t('notFound.home')}
      </Button>
    </Stack>
  );
}
