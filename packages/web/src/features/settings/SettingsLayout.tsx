import { PERMISSIONS } from '@cp/shared';
import { Tabs } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { paths } from '../../app/paths';
import { useCan } from '../auth/session';

/** Settings sections as tabs; agents never see the admins-only ones. */
export function SettingsLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const canManageAgents = useCan(PERMISSIONS.MANAGE_AGENTS);
  const canManageFields = useCan(PERMISSIONS.MANAGE_FIELDS);
  const canManageProducts = useCan(PERMISSIONS.MANAGE_PRODUCTS);

  return (
    <>
      <PageHeader title={t('settings.title')} />
      {/* Each tab is a route: the URL stays shareable and the panel is the route's outlet. */}
      <Tabs value={pathname} onChange={(value) => value && navigate(value)}>
        <Tabs.List aria-label={t('settings.sections')} mb="lg">
          {canManageAgents && (
            <Tabs.Tab value={paths.agentsAndTeams}>{t('settings.agentsAndTeams')}</Tabs.Tab>
          )}
          {canManageFields && <Tabs.Tab value={paths.detailFields}>{t('settings.detailFields')}</Tabs.Tab>}
          {canManageProducts && <Tabs.Tab value={paths.products}>{t('settings.products')}</Tabs.Tab>}
          <Tabs.Tab value={paths.apiTokens}>{t('settings.apiTokens')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value={pathname}>
          {/* A section's code downloads on its first visit; the tabs stay meanwhile. */}
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

/** /settings opens the first section this viewer may use. */
export function SettingsHome() {
  const canManageAgents = useCan(PERMISSIONS.MANAGE_AGENTS);
  return <Navigate to={canManageAgents ? paths.agentsAndTeams : paths.apiTokens} replace />;
}
