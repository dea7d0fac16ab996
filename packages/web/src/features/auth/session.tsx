import { useQuery } from '@apollo/client/react';
import type { Permission } from '@cp/shared';
import { Alert, Button, Center, Stack } from '@mantine/core';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { hasErrorCode, useErrorMessage } from '../../app/errors';
import { paths } from '../../app/paths';
import { PageLoader } from '../../components/PageLoader';
import { graphql } from '../../gql';
import type { ViewerQuery as ViewerQueryData } from '../../gql/graphql';

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      id
      role
      permissions
      ...UserMenu_viewer
    }
  }
`);

type Viewer = ViewerQueryData['viewer'];

const SessionContext = createContext<Viewer | null>(null);

/** The signed-in viewer; only usable below <RequireSession>. */
export function useViewer(): Viewer {
  const viewer = useContext(SessionContext);
  if (!viewer) throw new Error('useViewer() used outside <RequireSession>');
  return viewer;
}

/** UI hints only: the API enforces every permission again on its side. */
export function useCan(permission: Permission): boolean {
  return useViewer().permissions.includes(permission);
}

/** Where to send someone after sign-in: only paths inside this app, never another origin. */
export function safeReturnPath(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : paths.customers;
}

/**
 * Renders its children for a signed-in viewer. Asking for `viewer` is the
 * session check: UNAUTHENTICATED means signed out, so go to sign-in and come
 * back to this very address afterwards.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const location = useLocation();
  const { data, error, refetch } = useQuery(ViewerQuery);

  if (hasErrorCode(error, 'UNAUTHENTICATED')) {
    const back = location.pathname + location.search + location.hash;
    return <Navigate to={`${paths.signIn}?${new URLSearchParams({ next: back })}`} replace />;
  }
  if (error) {
    return (
      <Center h="100vh" p="md">
        <Stack align="center">
          <Alert color="red" title={t('errors.title')}>
            {errorMessage(error)}
          </Alert>
          {/* A failed retry shows up through `error` again; the rejection needs no handling. */}
          <Button onClick={() => refetch().catch(() => undefined)}>{t('app.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  if (!data) {
    return <PageLoader fullScreen />;
  }
  return <SessionContext.Provider value={data.viewer}>{children}</SessionContext.Provider>;
}
