import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Anchor, Group, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useMemo, type CSSProperties, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../app/i18n/format';
import { customerPath, organizationPath } from '../../app/paths';
import { SkeletonRows } from '../../components/SkeletonRows';
import { graphql } from '../../gql';
import type { CustomersTable_CustomerFragment } from '../../gql/graphql';
import { storedValue, type DetailFieldInfo } from '../details/detail-values';
import { useDetailFormat } from '../details/useDetailFormat';
import { detailSortKey, type CustomerSort, type CustomerSortKey } from './sort';

const CustomersTableCustomer = graphql(`
  fragment CustomersTable_customer on Customer {
    id
    displayName
    email
    username
    createdAt
    updatedAt
    organizations {
      id
      name
    }
    detailsByKey
  }
`);

/**
 * One column: `id` names it (React key, CELL_STYLES); `sort`, on sortable
 * ones: the server's sort key and whether a first click sorts descending
 * (newest first) rather than A to Z.
 */
interface Column {
  id: string;
  header: ReactNode;
  cell: (customer: CustomersTable_CustomerFragment) => ReactNode;
  sort?: { key: CustomerSortKey; descFirst: boolean };
}

// Long emails wrap anywhere rather than push the table wider than the screen; dates never wrap.
const CELL_STYLES: Partial<Record<string, CSSProperties>> = {
  name: { minWidth: 150 },
  email: { overflowWrap: 'anywhere', minWidth: 180 },
  created: { whiteSpace: 'nowrap' },
  updated: { whiteSpace: 'nowrap' },
};

export interface CustomerRowActionsTarget {
  id: string;
  displayName: string;
}

interface CustomersTableProps {
  /** Names the table for screen readers, e.g. "Customers" or "Members". */
  label: string;
  customers: Array<FragmentType<typeof CustomersTableCustomer>>;
  /** Detail fields the viewer chose to show, after the built-in columns. */
  detailColumns: readonly DetailFieldInfo[];
  sort: CustomerSort;
  onSortChange: (sort: CustomerSort) => void;
  /** The first page is still on its way: placeholder rows. */
  loading: boolean;
  /** A newer page is on its way: the rows shown are dimmed until it arrives. */
  stale: boolean;
  /** Per-row buttons in a last column (e.g. remove from an organization). */
  rowActions?: (customer: CustomerRowActionsTarget) => ReactNode;
}

export function CustomersTable({ label, customers, detailColumns, sort, onSortChange, loading, stale, rowActions }: CustomersTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const formatDetail = useDetailFormat(detailColumns);
  const rows = useFragment({ fragment: CustomersTableCustomer, fragmentName: 'CustomersTable_customer', from: customers });
  // A page is shown whole or not at all: never rows with holes while the cache catches up.
  const data = rows.complete ? rows.data : [];

  const columns = useMemo((): Column[] => {
    const text = (value: string | null | undefined) => value ?? <Missing />;
    const date = (value: string) => <time dateTime={value}>{format.date(value)}</time>;
    return [
      {
        id: 'name',
        header: t('customers.columns.name'),
        sort: { key: 'name', descFirst: false },
        cell: (customer) => (
          <Anchor component={Link} to={customerPath(customer.id)} fw={500} size="sm" data-row-link>
            {customer.displayName}
          </Anchor>
        ),
      },
      { id: 'email', header: t('customers.columns.email'), sort: { key: 'email', descFirst: false }, cell: (customer) => text(customer.email) },
      { id: 'username', header: t('customers.columns.username'), cell: (customer) => text(customer.username) },
      { id: 'organizations', header: t('customers.columns.organizations'), cell: (customer) => <OrganizationLinks organizations={customer.organizations} /> },
      { id: 'created', header: t('customers.columns.created'), sort: { key: 'created', descFirst: true }, cell: (customer) => date(customer.createdAt) },
      { id: 'updated', header: t('customers.columns.updated'), sort: { key: 'updated', descFirst: true }, cell: (customer) => date(customer.updatedAt) },
      ...detailColumns.map(
        (field): Column => ({
          id: detailSortKey(field.key),
          header: field.label,
          // Sorted on the server (selects by option position), A to Z (lowest, earliest) first.
          sort: { key: detailSortKey(field.key), descFirst: false },
          cell: (customer) => {
            const value = storedValue(customer.detailsByKey, field.key);
            return value === null ? <Missing /> : formatDetail(field, value);
          },
        }),
      ),
      ...(rowActions
        ? [
            {
              id: 'actions',
              header: <VisuallyHidden>{t('customers.columns.actions')}</VisuallyHidden>,
              cell: (customer: CustomersTable_CustomerFragment) => <Group justify="flex-end">{rowActions(customer)}</Group>,
            },
          ]
        : []),
    ];
  }, [t, format, formatDetail, detailColumns, rowActions]);

  return (
    <Table.ScrollContainer minWidth={960}>
      <Table verticalSpacing="sm" highlightOnHover withTableBorder bg="white" aria-label={label} aria-busy={loading || stale}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((col) => (
              <SortableTh key={col.id} column={col} sort={sort} onSortChange={onSortChange} />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody style={{ opacity: stale ? 0.55 : 1, transition: 'opacity 150ms' }} onKeyDown={moveBetweenRows}>
          {loading ? (
            <SkeletonRows columns={columns.length} />
          ) : (
            data.map((customer) => (
              <Table.Tr key={customer.id} style={{ cursor: 'pointer' }} onClick={(event) => openFromRow(event, () => void navigate(customerPath(customer.id)))}>
                {columns.map((col) => (
                  <Table.Td key={col.id} style={CELL_STYLES[col.id]}>
                    {col.cell(customer)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

// Rows are read and opened through their name link (Tab, then Enter): it is the row's one
// keyboard stop, Up and Down move between rows, and a click anywhere else on a row opens it too.
const ROW_LINK = 'a[data-row-link]';

/** Up and Down move focus from one row's profile link to the next row's. */
function moveBetweenRows(event: KeyboardEvent<HTMLTableSectionElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...event.currentTarget.querySelectorAll<HTMLElement>(ROW_LINK)];
  const index = links.indexOf(event.target as HTMLElement);
  const next = index === -1 ? undefined : links[index + (event.key === 'ArrowDown' ? 1 : -1)];
  if (!next) return;
  event.preventDefault();
  next.focus();
}

/** A click on a row's plain text opens it; links and buttons in the row keep their own action, and selecting text opens nothing. */
function openFromRow(event: MouseEvent<HTMLTableRowElement>, open: () => void) {
  const target = event.target as HTMLElement;
  // React events bubble out of portals too: a click inside a row's confirmation dialog is not a click on the row.
  if (!event.currentTarget.contains(target) || target.closest('a, button, input, [role="button"]')) return;
  if (window.getSelection()?.toString()) return;
  open();
}

/** A header cell; sortable ones hold a button (a first click sorts in the column's first direction, the next ones flip it) and announce their order through aria-sort. */
function SortableTh({ column: col, sort, onSortChange }: { column: Column; sort: CustomerSort; onSortChange: (sort: CustomerSort) => void }) {
  if (!col.sort) return <Table.Th>{col.header}</Table.Th>;
  const { key, descFirst } = col.sort;
  const sorted = sort.key === key ? (sort.desc ? 'desc' : 'asc') : false;
  const SortIcon = sorted === 'asc' ? IconArrowUp : sorted === 'desc' ? IconArrowDown : IconArrowsSort;
  return (
    <Table.Th aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined} p={0}>
      <UnstyledButton onClick={() => onSortChange({ key, desc: sorted ? !sort.desc : descFirst })} px="sm" py="sm" w="100%">
        <Group gap={6} wrap="nowrap">
          <Text fw={700} size="sm" span>
            {col.header}
          </Text>
          <SortIcon size={14} aria-hidden style={{ opacity: sorted ? 1 : 0.4, flexShrink: 0 }} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

function OrganizationLinks({ organizations }: { organizations: CustomersTable_CustomerFragment['organizations'] }) {
  if (organizations.length === 0) return <Missing />;
  return (
    <Group gap={4} wrap="wrap">
      {organizations.map((organization, index) => (
        <Text key={organization.id} span size="sm">
          <Anchor component={Link} to={organizationPath(organization.id)} size="sm">
            {organization.name}
          </Anchor>
          {index < organizations.length - 1 && ','}
        </Text>
      ))}
    </Group>
  );
}

/** An empty cell, visibly so, and silent for screen readers. */
function Missing() {
  return (
    <Text span c="dimmed" size="sm" aria-hidden>
      —
    </Text>
  );
}
