import { Navigate, matchRoutes, useRoutes, type RouteObject } from 'react-router';
import type { ApolloClient } from '@apollo/client';
import { RequireSession } from '../features/auth/session';
import { prefetchCustomerProfile } from '../features/profile/profile-prefetch';
import { AppLayout } from './layout/AppLayout';
import { lazyNamed, preloadOf } from './lazy-named';
import { NotFoundPage } from './NotFoundPage';
import { paths } from './paths';

// Every page is a chunk of its own, downloaded on its first visit: the first
// screen loads only its own code (bench:web measures it). The <Suspense>
// boundaries are in App, AppLayout and SettingsLayout.
const SignInPage = lazyNamed(() => import('../features/auth/SignInPage'), 'SignInPage');
const CustomersPage = lazyNamed(() => import('../features/customers/CustomersPage'), 'CustomersPage');
const ImportPage = lazyNamed(() => import('../features/imports/ImportPage'), 'ImportPage');
const OrganizationPage = lazyNamed(() => import('../features/organizations/OrganizationPage'), 'OrganizationPage');
const OrganizationsPage = lazyNamed(() => import('../features/organizations/OrganizationsPage'), 'OrganizationsPage');
const CustomerProfilePage = lazyNamed(() => import('../features/profile/CustomerProfilePage'), 'CustomerProfilePage');
const SettingsLayout = lazyNamed(() => import('../features/settings/SettingsLayout'), 'SettingsLayout');
const SettingsHome = lazyNamed(() => import('../features/settings/SettingsLayout'), 'SettingsHome');
const AgentsAndTeamsPage = lazyNamed(() => import('../features/settings/agents-and-teams/AgentsAndTeamsPage'), 'AgentsAndTeamsPage');
const ApiTokensPage = lazyNamed(() => import('../features/settings/api-tokens/ApiTokensPage'), 'ApiTokensPage');
const DetailFieldsPage = lazyNamed(() => import('../features/settings/detail-fields/DetailFieldsPage'), 'DetailFieldsPage');
const ProductsPage = lazyNamed(() => import('../features/settings/products/ProductsPage'), 'ProductsPage');

/**
 * A route's `handle`: `prefetch` sends, at start-up, the queries its page
 * asks first (`prefetchPageData`), given the route's params and the address's query.
 */
interface RouteData {
  prefetch: (client: ApolloClient, params: Record<string, string | undefined>, search: URLSearchParams) => void;
}

const routes: RouteObject[] = [
  { path: paths.signIn, element: <SignInPage /> },
  {
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <Navigate to={paths.customers} replace /> },
      { path: paths.customers, element: <CustomersPage /> },
      { path: paths.customersImport, element: <ImportPage kind="customers" key="customers" /> },
      { path: paths.customer, element: <CustomerProfilePage />, handle: { prefetch: prefetchCustomerProfile } satisfies RouteData },
      { path: paths.organizations, element: <OrganizationsPage /> },
      { path: paths.organizationsImport, element: <ImportPage kind="organizations" key="organizations" /> },
      { path: paths.organization, element: <OrganizationPage /> },
      {
        path: paths.settings,
        element: <SettingsLayout />,
        children: [
          { index: true, element: <SettingsHome /> },
          { path: paths.agentsAndTeams, element: <AgentsAndTeamsPage /> },
          { path: paths.apiTokens, element: <ApiTokensPage /> },
          { path: paths.detailFields, element: <DetailFieldsPage /> },
          { path: paths.products, element: <ProductsPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/**
 * The page for the current address. Declarative routing (<BrowserRouter> in
 * App): the app uses no loaders or actions, and createBrowserRouter's data
 * router would add 17 kB gzip to every screen.
 */
export function AppRoutes() {
  return useRoutes(routes);
}

/**
 * Starts downloading the pages at `pathname` now: the first page otherwise
 * starts only once the session check (a round trip) lets it render. Resolves
 * (never rejects) once every download has settled.
 */
export async function preloadPages(pathname: string): Promise<void> {
  // Pages made by lazyNamed have preload(); the other elements (Navigate, layouts) have nothing to fetch.
  // A failure shows where the page renders (PageErrorBoundary), from the same promise.
  await Promise.all((matchRoutes(routes, pathname) ?? []).map(({ route }) => preloadOf(route.element)?.().catch(() => undefined)));
}

/**
 * Sends the queries the pages at `location` ask first (a route's
 * `prefetch`) now: the page would ask only once its code has arrived and
 * rendered.
 */
export function prefetchPageData(location: Pick<Location, 'pathname' | 'search'>, client: ApolloClient): void {
  for (const { route, params } of matchRoutes(routes, location.pathname) ?? []) {
    (route.handle as RouteData | undefined)?.prefetch(client, params, new URLSearchParams(location.search));
  }
}
