import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Anchor, Group, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import {
  FlexRender,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type Header,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
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
import { detailSortKey, isCustomerSortKey, type CustomerSort } from './sort';

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

// Sorting happens on the server (manualSorting); the table only tracks which header is active.
const features = tableFeatures({ rowSortingFeature });
const column = createColumnHelper<typeof features, CustomersTable_CustomerFragment>();
type CustomerHeader = Header<typeof features, CustomersTable_CustomerFragment, unknown>;
// One stable empty page, so the table does not rebuild its rows on every render while waiting.
const NO_ROWS: CustomersTable_CustomerFragment[] = [];

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
  const data = useMemo(() => (rows.complete ? rows.data : NO_ROWS), [rows.complete, rows.data]);

  const columns = useMemo(
    () =>
      column.columns([
        column.accessor('displayName', {
          id: 'name',
          header: t('customers.columns.name'),
          cell: ({ row }) => (
            <Anchor component={Link} to={customerPath(row.original.id)} fw={500} size="sm" data-row-link>
              {row.original.displayName}
            </Anchor>
          ),
        }),
        column.accessor('email', {
          id: 'email',
          header: t('customers.columns.email'),
          cell: ({ getValue }) => getValue() ?? <Missing />,
        }),
        column.accessor('username', {
          id: 'username',
          header: t('customers.columns.username'),
          enableSorting: false,
          cell: ({ getValue }) => getValue() ?? <Missing />,
        }),
        column.display({
          id: 'organizations',
          header: t('customers.columns.organizations'),
          cell: ({ row }) => <OrganizationLinks organizations={row.original.organizations} />,
        }),
        column.accessor('createdAt', {
          id: 'created',
          header: t('customers.columns.created'),
          sortDescFirst: true,
          cell: ({ getValue }) => <time dateTime={getValue()}>{format.date(getValue())}</time>,
        }),
        column.accessor('updatedAt', {
          id: 'updated',
          header: t('customers.columns.updated'),
          sortDescFirst: true,
          cell: ({ getValue }) => <time dateTime={getValue()}>{format.date(getValue())}</time>,
        }),
        ...detailColumns.map((field) =>
          column.accessor((row) => storedValue(row.detailsByKey, field.key), {
            id: detailSortKey(field.key),
            header: field.label,
            // Sorted on the server (selects by option position).
            // A to Z (lowest, earliest) first, whatever the first row happens to hold.
            sortDescFirst: false,
            cell: ({ getValue }) => {
              const value = getValue();
              return value === null ? <Missing /> : formatDetail(field, value);
            },
          }),
        ),
        ...(rowActions
          ? [
              column.display({
                id: 'actions',
                header: () => <VisuallyHidden>{t('customers.columns.actions')}</VisuallyHidden>,
                cell: ({ row }) => <Group justify="flex-end">{rowActions(row.original)}</Group>,
              }),
            ]
          : []),
      ]),
    [t, format, formatDetail, detailColumns, rowActions],
  );

  const sorting: SortingState = [{ id: sort.key, desc: sort.desc }];
  function handleSortingChange(updater: Updater<SortingState>) {
    const [next] = typeof updater === 'function' ? updater(sorting) : updater;
    if (next && isCustomerSortKey(next.id)) onSortChange({ key: next.id, desc: next.desc });
  }

  const table = useTable({
    features,
    columns,
    data,
    getRowId: (row) => row.id,
    state: { sorting },
    onSortingChange: handleSortingChange,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
  });

  return (
    <Table.ScrollContainer minWidth={960}>
      <Table verticalSpacing="sm" highlightOnHover withTableBorder bg="white" aria-label={label} aria-busy={loading || stale}>
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => (
                <SortableTh key={header.id} header={header} />
              ))}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody style={{ opacity: stale ? 0.55 : 1, transition: 'opacity 150ms' }} onKeyDown={moveBetweenRows}>
          {loading ? (
            <SkeletonRows columns={columns.length} />
          ) : (
            table.getRowModel().rows.map((row) => (
              <Table.Tr key={row.id} style={{ cursor: 'pointer' }} onClick={(event) => openFromRow(event, () => void navigate(customerPath(row.id)))}>
                {row.getAllCells().map((cell) => (
                  <Table.Td key={cell.id} style={CELL_STYLES[cell.column.id]}>
                    <FlexRender cell={cell} />
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

/** A header cell; sortable ones hold a button and announce their order through aria-sort. */
function SortableTh({ header }: { header: CustomerHeader }) {
  const { column: col } = header;
  const label = <FlexRender header={header} />;
  if (!col.getCanSort()) return <Table.Th>{label}</Table.Th>;
  const sorted = col.getIsSorted();
  const SortIcon = sorted === 'asc' ? IconArrowUp : sorted === 'desc' ? IconArrowDown : IconArrowsSort;
  return (
    <Table.Th aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined} p={0}>
      <UnstyledButton onClick={col.getToggleSortingHandler()} px="sm" py="sm" w="100%">
        <Group gap={6} wrap="nowrap">
          <Text fw={700} size="sm" span>
            {label}
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
