import { Burger, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery, useWindowEvent } from '@mantine/hooks';
import { IconAddressBook, IconBuilding, IconSettings } from '@tabler/icons-react';
import { Suspense, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { UserMenu } from '../../features/auth/UserMenu';
import { useViewer } from '../../features/auth/session';
import { paths } from '../paths';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { PageErrorBoundary } from '../../components/PageErrorBoundary';
import { PageLoader } from '../../components/PageLoader';
import classes from './AppLayout.module.css';

const NAV_ITEMS = [
  { to: paths.customers, label: 'nav.customers', icon: IconAddressBook },
  { to: paths.organizations, label: 'nav.organizations', icon: IconBuilding },
  { to: paths.settings, label: 'nav.settings', icon: IconSettings },
] as const;

const NAV_ID = 'main-navigation';

/** The signed-in frame: header with who and which language, sidebar with the areas. */
export function AppLayout() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { pathname } = useLocation();
  const [navOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const burger = useRef<HTMLButtonElement>(null);
  // Below the sm breakpoint (48em) the open sidebar covers the page: the page is inert under it and Escape closes it, as a dialog.
  const wide = useMediaQuery('(min-width: 48em)', true);
  const covering = navOpen && !wide;
  useWindowEvent('keydown', (event) => {
    if (event.key !== 'Escape' || !covering) return;
    closeNav();
    burger.current?.focus();
  });

  return (
    <div className={classes.root}>
      {/* right-scroll-bar-position: react-remove-scroll's class (Mantine's AppShell set it), so an open dialog does not shift the header. */}
      <header className={`${classes.header} right-scroll-bar-position`}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              ref={burger}
              opened={navOpen}
              onClick={toggleNav}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
              aria-expanded={navOpen}
              aria-controls={NAV_ID}
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
      </header>

      <nav id={NAV_ID} className={classes.navbar} data-open={navOpen || undefined} aria-label={t('nav.main')}>
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
      </nav>

      {/* The gray is the content's own, not main's: main runs under the sidebar, whose white would end at the window's height on a long page. */}
      <main className={classes.main} inert={covering}>
        <div className={classes.content}>
          <PageErrorBoundary resetKey={pathname}>
            {/* A page's code downloads on its first visit; header and navigation stay meanwhile. */}
            <Suspense fallback={<PageLoader />}>
              <Outlet />
            </Suspense>
          </PageErrorBoundary>
        </div>
      </main>
    </div>
  );
}
