import { DetailFieldScope } from '../detail-fields/detail-field.enums';
import { detailOwner, type DetailOwnerKind } from '../detail-values/detail-owner.registry';
import type { ImportKind } from './import-columns';

/** A column of `import_rows` that identifies a record, the table column it matches, and the file column it comes from. */
export interface ImportKey {
  staged: 'external_id' | 'email' | 'username' | 'name';
  column: string;
  header: string;
  /** The table column's type, which the staged value is compared as (citext ignores case). */
  type: 'text' | 'citext';
}

/** What differs between importing customers and organizations: the table, how rows match (in order), which column holds the name. */
export interface ImportTarget {
  kind: ImportKind;
  /** Its table is `owner.table`. */
  owner: DetailOwnerKind;
  /** Match order (the contract's "CSV import format": external id first). */
  keys: readonly ImportKey[];
  /** The table column `import_rows.name` writes. */
  nameColumn: string;
  /** The built-in columns a row writes (a null staged value leaves the stored one), with their history attribute. */
  columns: ReadonlyArray<{ staged: ImportKey['staged']; column: string; type: ImportKey['type']; attribute: string }>;
}

const TARGETS: Record<ImportKind, ImportTarget> = {
  customers: {
    kind: 'customers',
    owner: detailOwner(DetailFieldScope.CUSTOMER),
    keys: [
      { staged: 'external_id', column: 'external_id', header: 'External ID', type: 'text' },
      { staged: 'email', column: 'email', header: 'Email', type: 'citext' },
      { staged: 'username', column: 'username', header: 'Username', type: 'citext' },
    ],
    nameColumn: 'display_name',
    columns: [
      { staged: 'external_id', column: 'external_id', type: 'text', attribute: 'externalId' },
      { staged: 'email', column: 'email', type: 'citext', attribute: 'email' },
      { staged: 'username', column: 'username', type: 'citext', attribute: 'username' },
      { staged: 'name', column: 'display_name', type: 'text', attribute: 'displayName' },
    ],
  },
  organizations: {
    kind: 'organizations',
    owner: detailOwner(DetailFieldScope.ORGANIZATION),
    // Names are citext and stored with runs of space as one (as staged), so equality ignores case and spacing.
    keys: [
      { staged: 'external_id', column: 'external_id', header: 'External ID', type: 'text' },
      { staged: 'name', column: 'name', header: 'Organization Name', type: 'citext' },
    ],
    nameColumn: 'name',
    columns: [
      { staged: 'external_id', column: 'external_id', type: 'text', attribute: 'externalId' },
      { staged: 'name', column: 'name', type: 'citext', attribute: 'name' },
    ],
  },
};

export const importTarget = (kind: ImportKind): ImportTarget => TARGETS[kind];
