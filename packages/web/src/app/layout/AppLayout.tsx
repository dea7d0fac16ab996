import { AppShell, Box, Burger, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAddressBook, IconBuilding, IconSettings } from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { UserMenu } from '../../features/auth/UserMenu';
import { useViewer } from '../../features/auth/session';
import { paths } from '../paths';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { PageErrorBoundary } from '../../components/PageErrorBoundary';
import { PageLoader } from '../../components/PageLoader';

const NAV_ITEMS = [
  { to: paths.customers, label: 'nav.customers', icon: IconAddressBook },
  { to: paths.organizations, label: 'nav.organizations', icon: IconBuilding },
  { to: paths.settings, label: 'nav.settings', icon: IconSettings },
] as const;

/** The signed-in frame: header with who and which language, sidebar with the areas. */
export function AppLayout() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { pathname } = useLocation();
  const [navOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={navOpen}
              onClick={toggleNav}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
            />
            <Text fw={700} size="lg" truncate="end" visibleFrom="xs">
              {t('app.name')}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu viewer={viewer} />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" component="nav" aria-label={t('nav.main')}>
        {NAV_ITEMS.map(({ to, label, icon: Icon }) => (
          <NavLink
            key={to}
            component={Link}
            to={to}
            label={t(label)}
            leftSection={<Icon size={18} aria-hidden />}
            active={pathname === to || pathname.startsWith(`${to}/`)}
            onClick={closeNav}
          />
        ))}
      </AppShell.Navbar>

      {/* The gray is the content's own, not Main's: Main runs under the sidebar, whose white would end at the window's height on a long page. */}
      <AppShell.Main>
        <Box bg="gray.0" p="lg" mih="calc(100dvh - var(--app-shell-header-offset, 0rem))">
          <PageErrorBoundary resetKey={pathname}>
            {/* A page's code downloads on its first visit; header and navigation stay meanwhile. */}
            <Suspense fallback={<PageLoader />}>
              <Outlet />
            </Suspense>
          </PageErrorBoundary>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
