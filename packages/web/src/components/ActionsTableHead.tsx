import { Table, VisuallyHidden } from '@mantine/core';

interface ActionsTableHeadProps {
  /** The visible column headings, in order. */
  columns: string[];
  /** Names the last column, which holds each row's buttons, for screen readers only. */
  actionsLabel: string;
}

/** The header row of a table whose rows end with their own actions. */
export function ActionsTableHead({ columns, actionsLabel }: ActionsTableHeadProps) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((column) => (
          <Table.Th key={column}>{column}</Table.Th>
        ))}
        <Table.Th>
          <VisuallyHidden>{actionsLabel}</VisuallyHidden>
        </Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
}
