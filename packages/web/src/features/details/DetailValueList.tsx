import { Divider } from '@mantine/core';
import type { DocumentNode } from 'graphql';
import { Fragment } from 'react';
import { storedValue, type DetailFieldInfo } from './detail-values';
import type { DetailOwner } from './DetailValueEditor';
import { DetailValueRow } from './DetailValueRow';
import { useDetailFormat } from './useDetailFormat';

interface DetailValueListProps {
  /** Every field the viewer may view, in the admins' order (empty ones included). */
  fields: ReadonlyArray<DetailFieldInfo & { id: string; viewerCanEdit: boolean }>;
  owner: DetailOwner;
  /** The owner's `detailsByKey`. */
  values: unknown;
  /** The query these fields and values came from, refetched after each save. */
  definitionsQuery: DocumentNode;
  /** False to show the values only (they are changed elsewhere, e.g. an inherited entitlement on its organization's page). */
  editable?: boolean;
}

/** One owner's values, a row per field, each edited in place: the Details tab and every entitlement use it. */
export function DetailValueList({ fields, owner, values, definitionsQuery, editable = true }: DetailValueListProps) {
  const format = useDetailFormat(fields);
  return fields.map((field, index) => {
    const value = storedValue(values, field.key);
    return (
      <Fragment key={field.id}>
        {index > 0 && <Divider />}
        <DetailValueRow field={field} value={value} text={value === null ? null : format(field, value)} owner={owner} definitionsQuery={definitionsQuery} editable={editable} />
      </Fragment>
    );
  });
}
