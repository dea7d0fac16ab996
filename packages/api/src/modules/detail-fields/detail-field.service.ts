import { DataSource, type EntityManager } from 'typeorm';
import { cleanLabel, cleanOptions, detailFieldKeyFromLabel, editBeyondView, problem, quote, typeHasOptions } from '@cp/shared';
import { DetailField, type Audience } from './detail-field.entity';
import { DetailFieldType } from './detail-field.enums';
import type { CreateDetailFieldInput, FieldAudienceInput, SetDetailFieldPermissionsInput, UpdateDetailFieldInput } from './detail-field.inputs';
import { loadDefinitions } from './detail-field.catalog';
import type { DetailValueStore } from '../detail-values/detail-value.store';
import { badInput, notFound } from '../../common/domain-error';
import { staleVersion } from '../../common/optimistic-lock';
import { assertIds, isUuid, uniq } from '../../common/ids';
import { constraintError } from '../../db/pg-errors';
import type { Actor } from '../../auth/viewer';

const EVERY_AGENT: Audience = { allAgents: true, teamIds: [] };

function toAudience(input: FieldAudienceInput | undefined, field: string): Audience {
  if (!input) return EVERY_AGENT;
  const teamIds = uniq(input.teamIds ?? []);
  assertIds(teamIds, `${field}.teamIds`);
  return { allAgents: input.agents, teamIds: input.agents ? [] : teamIds };
}

/** Edit implies view (`editBeyondView`, the rule the web's form follows too): a wider edit audience is refused. */
function assertEditWithinView(view: Audience, edit: Audience): void {
  const beyond = editBeyondView(view, edit);
  if (beyond === null) return;
  if ('allAgents' in beyond) throw badInput(problem('EDIT_WIDER_THAN_VIEW'), 'edit');
  throw badInput(problem('EDIT_TEAM_CANNOT_VIEW', { team: beyond.teamId }), 'edit.teamIds');
}

/** Admin work on field definitions: create, change, reorder, archive, permissions. */
export class DetailFieldService {
  constructor(
    private readonly db: DataSource,
    private readonly values: DetailValueStore,
  ) {}

  async create(input: CreateDetailFieldInput): Promise<DetailField> {
    const label = cleanLabel(input.label);
    if (!label.ok) throw badInput(problem('INVALID_LABEL', { problem: label.problem }), 'label');
    const options = this.optionsFor(input.type, input.options);
    const view = toAudience(input.view, 'view');
    const edit = toAudience(input.edit, 'edit');
    assertEditWithinView(view, edit);
    const id = await this.db.transaction(async (tx) => {
      // Serialises creations per scope so keys and positions stay unique and gap-free.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('detail_fields:' || $1))`, [input.scope]);
      const existing: Array<{ key: string; position: number }> = await tx.query(`SELECT key, position FROM detail_fields WHERE scope = $1`, [input.scope]);
      const key = detailFieldKeyFromLabel(label.label, new Set(existing.map((e) => e.key)));
      const position = existing.reduce((max, e) => Math.max(max, e.position + 1), 0);
      let rows: Array<{ id: string }>;
      try {
        rows = await tx.query(
          `INSERT INTO detail_fields (scope, key, label, type, options, position) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [input.scope, key, label.label, input.type, JSON.stringify(options), position],
        );
      } catch (error) {
        throw await constraintError(this.db, error, { label: label.label, scope: input.scope });
      }
      await this.writePermissions(tx, rows[0].id, view, edit);
      return rows[0].id;
    });
    const field = await this.find(id);
    await this.syncSortIndexes([field]);
    return field;
  }

  /** Label, options (values follow renames and removals, recorded in history as changed by `actor`), archived, position. */
  async update(input: UpdateDetailFieldInput, actor: Actor): Promise<DetailField> {
    await this.db.transaction(async (tx) => {
      const field = await this.lock(tx, input.id, input.expectedVersion);
      const sets: string[] = [];
      const params: unknown[] = [field.id];
      if (input.label !== undefined) {
        const label = cleanLabel(input.label);
        if (!label.ok) throw badInput(problem('INVALID_LABEL', { problem: label.problem }), 'label');
        params.push(label.label);
        sets.push(`label = $${params.length}`);
      }
      if (input.options !== undefined || input.optionRenames !== undefined) {
        const options = await this.changeOptions(tx, field, input, actor);
        params.push(JSON.stringify(options));
        sets.push(`options = $${params.length}`);
      }
      if (input.archived !== undefined && input.archived !== null) {
        params.push(input.archived);
        sets.push(`archived = $${params.length}`);
      }
      if (sets.length > 0) {
        try {
          await tx.query(`UPDATE detail_fields SET ${sets.join(', ')}, version = version + 1, updated_at = now() WHERE id = $1`, params);
        } catch (error) {
          throw await constraintError(this.db, error, { label: input.label?.trim(), scope: field.scope });
        }
      }
      if (input.position !== undefined && input.position !== null) await this.move(tx, field, input.position);
    });
    const field = await this.find(input.id);
    if (input.options !== undefined || input.optionRenames !== undefined) await this.syncSortIndexes([field]);
    return field;
  }

  async setPermissions(input: SetDetailFieldPermissionsInput): Promise<DetailField> {
    const view = toAudience(input.view, 'view');
    const edit = toAudience(input.edit, 'edit');
    assertEditWithinView(view, edit);
    await this.db.transaction(async (tx) => {
      const field = await this.lock(tx, input.fieldId, input.expectedVersion);
      await this.writePermissions(tx, field.id, view, edit);
      await tx.query(`UPDATE detail_fields SET version = version + 1, updated_at = now() WHERE id = $1`, [field.id]);
    });
    return this.find(input.fieldId);
  }

  async find(id: string): Promise<DetailField> {
    const [field] = isUuid(id) ? await loadDefinitions(this.db, 'WHERE f.id = $1', [id]) : [];
    if (!field) throw notFound('DETAIL_FIELD', id);
    return field;
  }

  /**
   * How many records (customers, organizations) hold at least one of these
   * options: what removing them would change. A select's value is then
   * cleared; a multi-select loses those options (and is cleared when none is
   * left). Options the field does not have count nothing. Admins see this
   * before confirming a removal.
   */
  async valueCountWithOptions(field: DetailField, options: readonly string[]): Promise<number> {
    if (!typeHasOptions(field.type) || options.length === 0) return 0;
    return this.values.countWithOptions(field, options);
  }

  private optionsFor(type: DetailField['type'], options: readonly string[] | undefined): string[] {
    if (!typeHasOptions(type)) {
      if (options && options.length > 0) throw badInput(problem('FIELD_TYPE_HAS_NO_OPTIONS', { type }), 'options');
      return [];
    }
    const cleaned = cleanOptions(options ?? []);
    if (!cleaned.ok) throw badInput(problem('INVALID_OPTIONS', { problem: cleaned.problem }), 'options');
    return cleaned.options;
  }

  private async lock(tx: EntityManager, id: string, expectedVersion?: number | null): Promise<DetailField> {
    const locked = isUuid(id) ? await tx.query(`SELECT 1 FROM detail_fields WHERE id = $1 FOR UPDATE`, [id]) : [];
    const [field] = locked.length ? await loadDefinitions(tx, 'WHERE f.id = $1', [id]) : [];
    if (!field) throw notFound('DETAIL_FIELD', id);
    if (expectedVersion != null && field.version !== expectedVersion) {
      throw staleVersion('DETAIL_FIELD', field.version, expectedVersion);
    }
    return field;
  }

  private async writePermissions(tx: EntityManager, fieldId: string, view: Audience, edit: Audience): Promise<void> {
    await tx.query(`DELETE FROM detail_field_permissions WHERE field_id = $1`, [fieldId]);
    for (const [access, audience] of [['VIEW', view], ['EDIT', edit]] as const) {
      await tx.query(`INSERT INTO detail_field_permissions (field_id, access, all_agents) VALUES ($1, $2, $3)`, [fieldId, access, audience.allAgents]);
      if (audience.teamIds.length === 0) continue;
      const inserted = await tx.query(
        `INSERT INTO detail_field_permission_teams (field_id, access, team_id) SELECT $1, $2, id FROM teams WHERE id = ANY($3::uuid[]) RETURNING team_id`,
        [fieldId, access, audience.teamIds],
      );
      if (inserted.length !== audience.teamIds.length) throw badInput(problem('UNKNOWN_IDS', { field: `${access.toLowerCase()}.teamIds` }), `${access.toLowerCase()}.teamIds`);
    }
  }

  /**
   * New option list plus renames. Stored values follow a rename and lose a
   * removed option, in the same transaction, and the search index follows.
   */
  private async changeOptions(tx: EntityManager, field: DetailField, input: UpdateDetailFieldInput, actor: Actor): Promise<string[]> {
    if (!typeHasOptions(field.type)) throw badInput(problem('FIELD_TYPE_HAS_NO_OPTIONS', { type: field.type }), 'options');
    const renames = new Map((input.optionRenames ?? []).map((r) => [r.from, r.to.trim()]));
    for (const from of renames.keys()) {
      if (!field.options.includes(from)) throw badInput(problem('OPTION_RENAME_UNKNOWN', { option: quote(from) }), 'optionRenames');
    }
    const next = this.optionsFor(field.type, input.options ?? field.options.map((o) => renames.get(o) ?? o));
    const mapping = new Map<string, string | null>(field.options.map((o) => [o, renames.get(o) ?? o]));
    for (const [from, to] of mapping) if (to !== null && !next.includes(to)) mapping.set(from, null);
    const changed = [...mapping].filter(([from, to]) => from !== to);
    // Stored lists keep option order (sorting by the first option and equal-JSON comparisons rely on it), so a reorder rewrites them.
    const position = new Map(next.map((option, i) => [option, i]));
    const kept = field.options.map((o) => mapping.get(o)).filter((o): o is string => o != null);
    const reordered = field.type === DetailFieldType.MULTI_SELECT && kept.some((o, i) => i > 0 && position.get(o)! < position.get(kept[i - 1])!);
    if (changed.length === 0 && !reordered) return next;

    const renamed = Object.assign(new DetailField(), field, { options: next });
    await this.values.rewriteField(tx, field, renamed, (value) => {
      const mapped = Array.isArray(value)
        ? value
            .map((v) => mapping.get(v) ?? null)
            .filter((v): v is string => v !== null)
            .sort((a, b) => position.get(a)! - position.get(b)!)
        : mapping.get(String(value)) ?? null;
      return mapped === null || (Array.isArray(mapped) && mapped.length === 0) ? null : mapped;
    }, actor);
    return next;
  }

  private async move(tx: EntityManager, field: DetailField, position: number): Promise<void> {
    const siblings: Array<{ id: string }> = await tx.query(`SELECT id FROM detail_fields WHERE scope = $1 ORDER BY position, id FOR UPDATE`, [field.scope]);
    if (!Number.isInteger(position) || position < 0 || position >= siblings.length) {
      throw badInput(problem('POSITION_OUT_OF_RANGE', { max: siblings.length - 1 }), 'position');
    }
    const order = siblings.map((s) => s.id).filter((id) => id !== field.id);
    order.splice(position, 0, field.id);
    await tx.query(
      `UPDATE detail_fields f SET position = o.position - 1 FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, position) WHERE f.id = o.id`,
      [order],
    );
  }

  /** Brings the sort indexes of these fields (every field when none are given, at start) in line with their sort keys: see `DetailValueStore.syncSortIndexes`. */
  async syncSortIndexes(fields?: DetailField[]): Promise<void> {
    await this.values.syncSortIndexes(fields ?? (await loadDefinitions(this.db)));
  }
}
