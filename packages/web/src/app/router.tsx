import { Navigate, createBrowserRouter } from 'react-router';
import { SignInPage } from '../features/auth/SignInPage';
import { RequireSession } from '../features/auth/session';
import { CustomersPage } from '../features/customers/CustomersPage';
import { ImportPage } from '../features/imports/ImportPage';
import { OrganizationPage } from '../features/organizations/OrganizationPage';
import { OrganizationsPage } from '../features/organizations/OrganizationsPage';
import { CustomerProfilePage } from '../features/profile/CustomerProfilePage';
import { SettingsLayout, SettingsHome } from '../features/settings/SettingsLayout';
import { AgentsAndTeamsPage } from '../features/settings/agents-and-teams/AgentsAndTeamsPage';
import { ApiTokensPage } from '../features/settings/api-tokens/ApiTokensPage';
import { DetailFieldsPage } from '../features/settings/detail-fields/DetailFieldsPage';
import { ProductsPage } from '../features/settings/products/ProductsPage';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { paths } from './paths';

export const router = createBrowserRouter([
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
      { path: paths.customer, element: <CustomerProfilePage /> },
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
]);
