import type { FragmentType } from '@apollo/client';
import { useApolloClient, useFragment, useMutation } from '@apollo/client/react';
import { Avatar, Box, Button, Group, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useNotifyError } from '../../app/errors';
import { paths } from '../../app/paths';
import { graphql } from '../../gql';

const UserMenuViewer = graphql(`
  fragment UserMenu_viewer on Viewer {
    displayName
    role
  }
`);

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

/** The header's "who am I" with the way out. */
export function UserMenu({ viewer }: { viewer: FragmentType<typeof UserMenuViewer> }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const navigate = useNavigate();
  const notifyError = useNotifyError();
  const { data, complete } = useFragment({
    fragment: UserMenuViewer,
    fragmentName: 'UserMenu_viewer',
    from: viewer,
  });
  const [signOut, { loading }] = useMutation(SignOutMutation);

  async function handleSignOut() {
    try {
      await signOut();
    } catch (error) {
      notifyError(error);
      return;
    }
    navigate(paths.signIn, { replace: true });
    // Nothing the previous person loaded may linger for the next one.
    await client.clearStore();
  }

  if (!complete) return null;
  return (
    <Group gap="sm" wrap="nowrap">
      <Avatar color="indigo" radius="xl" size="sm" title={data.displayName}>
        {initials(data.displayName)}
      </Avatar>
      {/* On phones the avatar's initials stand in for the name, leaving room for the button. */}
      <Box visibleFrom="sm">
        <Text size="sm" fw={500} lh={1.2}>
          {data.displayName}
        </Text>
        <Text size="xs" c="dimmed" lh={1.2}>
          {t(`roles.${data.role}`)}
        </Text>
      </Box>
      <Button
        variant="subtle"
        color="gray"
        size="compact-sm"
        leftSection={<IconLogout size={16} aria-hidden />}
        loading={loading}
        onClick={() => void handleSignOut()}
      >
        {t('auth.signOut')}
      </Button>
    </Group>
  );
}
