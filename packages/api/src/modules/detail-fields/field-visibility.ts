import type { DataSource } from 'typeorm';
import { fieldAccess, isTextSearchable, problem, showInvisible } from '@cp/shared';
import { DetailField } from './detail-field.entity';
import type { DetailFieldScope } from './detail-field.enums';
import { loadDefinitions } from './detail-field.catalog';
import type { ViewerIdentity } from '../../auth/viewer';
import { badInput, forbidden } from '../../common/domain-error';

/** The one message for a key that does not exist and one the viewer may not see: they must be indistinguishable. */
export const unknownDetailField = (key: string, field: string) => badInput(problem('UNKNOWN_DETAIL_FIELD', { key: showInvisible(key) }), field);

/**
 * The only place that decides which detail fields a viewer may view and
 * edit, built once per request from the viewer (role and teams). Every read
 * and write of detail values asks it; the SQL that reads the `details`
 * columns is produced here, so hidden values never leave the database for
 * that viewer. The rules themselves (admins view and edit everything, edit
 * implies view) are `fieldAccess` in `@cp/shared`, which the web app uses too.
 */
export class FieldVisibility {
  private definitions?: Promise<DetailField[]>;

  constructor(
    private readonly db: DataSource,
    /** Null for anonymous requests, which see no field at all. */
    private readonly viewer: ViewerIdentity | null,
  ) {}

  private all(): Promise<DetailField[]> {
    return (this.definitions ??= loadDefinitions(this.db));
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

  /**
   * SQL for `<alias>.details` reduced to the viewer's visible keys; the only
   * expression that reads detail values for a response.
   */
  async detailsSql(scope: DetailFieldScope, alias: string, params: unknown[]): Promise<string> {
    params.push((await this.viewable(scope)).map((f) => f.key));
    return `(SELECT coalesce(jsonb_object_agg(d.key, d.value), '{}'::jsonb) FROM jsonb_each(${alias}.details) d WHERE d.key = ANY($${params.length}::text[]))`;
  }

  /** Ids of the visible fields whose values are indexed for substring search. */
  async searchableFieldIds(scope: DetailFieldScope): Promise<string[]> {
    return (await this.viewable(scope)).filter((f) => isTextSearchable(f.type)).map((f) => f.id);
  }
}
