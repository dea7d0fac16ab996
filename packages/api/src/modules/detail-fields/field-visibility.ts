import { fieldAccess, isTextSearchable, problem, showInvisible } from '@cp/shared';
import { DetailField } from './detail-field.entity';
import type { DetailFieldScope } from './detail-field.enums';
import { definitionsOf, type DefinitionSource } from './detail-field.catalog';
import type { ViewerIdentity } from '../../auth/viewer';
import { badInput, forbidden } from '../../common/domain-error';

/** The one message for a key that does not exist and one the viewer may not see: they must be indistinguishable. */
export const unknownDetailField = (key: string, field: string) => badInput(problem('UNKNOWN_DETAIL_FIELD', { key: showInvisible(key) }), field);

/**
 * The only place that decides which detail fields a viewer may view and
 * edit, built once per request from the viewer (role and teams) and the
 * definitions (the process's cached catalog, read once per request). Every read
 * and write of detail values asks it (through the value store,
 * `detail-values/detail-value.store.ts`, which builds the SQL from its
 * answers, so hidden values never leave the database for that viewer).
 * The rules themselves (admins view and edit everything, edit implies view)
 * are the audience rules of `@cp/shared`, which the web app follows too.
 */
export class FieldVisibility {
  private definitions?: Promise<readonly DetailField[]>;

  constructor(
    /** The process's DetailFieldCatalog for requests (no statement while it is fresh); a DataSource reads them now. */
    private readonly source: DefinitionSource,
    /** Null for anonymous requests, which see no field at all. */
    private readonly viewer: ViewerIdentity | null,
  ) {}

  private all(): Promise<readonly DetailField[]> {
    return (this.definitions ??= definitionsOf(this.source));
  }

  canView(field: DetailField): boolean {
    return fieldAccess(field, this.viewer).view;
  }

  canEdit(field: DetailField): boolean {
    return fieldAccess(field, this.viewer).edit;
  }

  /** Definitions the viewer may view, by position; archived ones only when asked for. */
  async viewable(scope: DetailFieldScope, includeArchived = false): Promise<DetailField[]> {
    return (await this.all()).filter((f) => f.scope === scope && (includeArchived || !f.archived) && this.canView(f));
  }

  /** The viewable (not archived) definitions of every scope: what history may mention. */
  async viewableInAnyScope(): Promise<DetailField[]> {
    return (await this.all()).filter((f) => !f.archived && this.canView(f));
  }

  /** For filters and sorting: a hidden or archived field is reported exactly like an unknown key. */
  async readable(scope: DetailFieldScope, key: string, inputField: string): Promise<DetailField> {
    const field = (await this.viewable(scope)).find((f) => f.key === key);
    if (!field) throw unknownDetailField(key, inputField);
    return field;
  }

  /** For writes: hidden → like unknown (BAD_USER_INPUT); viewable but not editable → FORBIDDEN. */
  async writable(scope: DetailFieldScope, key: string): Promise<DetailField> {
    const field = await this.readable(scope, key, 'values');
    if (!this.canEdit(field)) throw forbidden(problem('DETAIL_FIELD_READ_ONLY', { label: field.label }));
    return field;
  }

  /** Ids of the visible fields whose values are indexed for substring search. */
  async searchableFieldIds(scope: DetailFieldScope): Promise<string[]> {
    return (await this.viewable(scope)).filter((f) => isTextSearchable(f.type)).map((f) => f.id);
  }
}
