import { lazyNamed } from '../../app/lazy-named';

// The tabs' panels of a customer's and an organization's page that are not
// their first tab, each a chunk of its own: a page downloads them once it is
// idle (UrlTabs), so its first load carries one panel, not five. Shared by
// both pages, so a panel's code (and its preload) is fetched once. A page
// imports its first tab's panel itself, so that tab's query leaves with the
// page's (Details is the customer's first tab, the organization's second).
export const DetailsPanel = lazyNamed(() => import('../details/DetailsPanel'), 'DetailsPanel');
export const EntitlementsPanel = lazyNamed(() => import('../entitlements/EntitlementsPanel'), 'EntitlementsPanel');
export const NotesPanel = lazyNamed(() => import('../notes/NotesPanel'), 'NotesPanel');
export const HistoryPanel = lazyNamed(() => import('../history/HistoryPanel'), 'HistoryPanel');
export const CustomerRequests = lazyNamed(() => import('../requests/RequestList'), 'CustomerRequests');
export const OrganizationRequests = lazyNamed(() => import('../requests/RequestList'), 'OrganizationRequests');
