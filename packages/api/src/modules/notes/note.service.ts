import { cleanNoteBody, PERMISSIONS, problem, roleGrants, shownValue } from '@cp/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { Note } from './note.entity';
import type { AddNoteInput } from './note.inputs';
import type { ViewerIdentity } from '../../auth/viewer';
import { badInput, forbidden, notFound } from '../../common/domain-error';
import { isUuid } from '../../common/ids';
import { staleVersion } from '../../common/optimistic-lock';
import { constraintError } from '../../db/pg-errors';
import { actorOf } from '../../auth/viewer';
import type { ChangeSubject, HistoryService } from '../history/history.service';

/** Columns of a note over `notes n LEFT JOIN api_tokens t ON t.id = n.via_token_id` (see NOTE_FROM). */
export const NOTE_COLUMNS = `n.id, n.body, n.author_id AS "authorId", n.customer_id AS "customerId", n.organization_id AS "organizationId",
  t.name AS "viaToken", n.version, n.created_at AS "createdAt", n.updated_at AS "updatedAt"`;

/** The token's name is read where the note is, so a list costs no extra statement for it. */
export const noteFrom = (notes = 'notes') => `${notes} n LEFT JOIN api_tokens t ON t.id = n.via_token_id`;

export const toNote = (row: Record<string, any>): Note =>
  Object.assign(new Note(), {
    id: row.id,
    body: row.body,
    authorId: row.authorId,
    customerId: row.customerId,
    organizationId: row.organizationId,
    viaToken: row.viaToken ?? null,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });

/** Whose history a note's entries belong to: the customer or organization it is on. */
const noteSubject = (note: Note): ChangeSubject => (note.customerId ? { customerId: note.customerId } : { organizationId: note.organizationId! });

function cleanBody(body: string): string {
  const cleaned = cleanNoteBody(body);
  if (!cleaned.ok) throw badInput(cleaned.problem, 'body');
  return cleaned.body;
}

/**
 * The rules of notes (issue 7): written by an agent (through a session, or
 * an API token acting for its creator, which `viaToken` then names); changed
 * or deleted by their author or by whoever holds MANAGE_ANY_NOTE (admins);
 * a stale edit is CONFLICT. Deleting is soft: the row stays, marked with
 * who deleted it and when, for history; no read returns it again.
 */
export class NoteService {
  constructor(
    private readonly db: DataSource,
    private readonly history: HistoryService,
  ) {}

  /** Whether this viewer may edit or delete a note by `authorId` (also `Note.viewerCanEdit`). */
  mayChange(viewer: ViewerIdentity, authorId: string): boolean {
    return roleGrants(viewer.role, PERMISSIONS.MANAGE_ANY_NOTE) || viewer.agentId === authorId;
  }

  /**
   * Adds a note to the customer or organization named in `input`. Throws
   * FORBIDDEN NOTE_NEEDS_AGENT for a token without a creator,
   * BAD_USER_INPUT ONE_NOTE_OWNER, INVALID_NOTE_BODY (field `body`), or
   * NOT_FOUND (field `customerId`/`organizationId`) for an unknown owner.
   */
  async add(viewer: ViewerIdentity, input: AddNoteInput): Promise<Note> {
    if (!viewer.agentId) throw forbidden(problem('NOTE_NEEDS_AGENT'));
    const { customerId, organizationId } = input;
    if ((customerId == null) === (organizationId == null)) throw badInput(problem('ONE_NOTE_OWNER'), 'customerId');
    const body = cleanBody(input.body);
    const [field, entity, table, ownerId] =
      customerId != null ? (['customerId', 'CUSTOMER', 'customers', customerId] as const) : (['organizationId', 'ORGANIZATION', 'organizations', organizationId!] as const);
    const unknownOwner = () => badInput(problem('NOT_FOUND', { entity, id: shownValue(ownerId) }), field);
    if (!isUuid(ownerId)) throw unknownOwner();
    try {
      return await this.db.transaction(async (tx) => {
        const rows = await tx.query(
        `WITH inserted AS (
           INSERT INTO notes (${table === 'customers' ? 'customer_id' : 'organization_id'}, body, author_id, via_token_id)
           SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM ${table} WHERE id = $1)
           RETURNING *)
         SELECT ${NOTE_COLUMNS} FROM ${noteFrom('inserted')}`,
        [ownerId, body, viewer.agentId, viewer.kind === 'token' ? viewer.id : null],
        );
        if (!rows[0]) throw unknownOwner();
        const note = toNote(rows[0]);
        await this.history.record(tx, actorOf(viewer), [{ ...noteSubject(note), attribute: 'note', from: null, to: note.body }]);
        return note;
      });
    } catch (error) {
      throw await constraintError(this.db, error, {});
    }
  }

  /**
   * Replaces a note's body. Throws NOT_FOUND (also for a deleted note),
   * FORBIDDEN NOTE_NOT_YOURS, CONFLICT STALE_VERSION, or INVALID_NOTE_BODY.
   * The same body again changes nothing (the version stays).
   */
  async update(viewer: ViewerIdentity, id: string, body: string, expectedVersion: number): Promise<Note> {
    const clean = cleanBody(body);
    return this.db.transaction(async (tx) => {
      const note = await this.lockChangeable(tx, viewer, id);
      if (note.version !== expectedVersion) throw staleVersion('NOTE', note.version, expectedVersion);
      if (note.body === clean) return note;
      const rows = await tx.query(
        `WITH updated AS (
           UPDATE notes SET body = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING *)
         SELECT ${NOTE_COLUMNS} FROM ${noteFrom('updated')}`,
        [id, clean],
      );
      await this.history.record(tx, actorOf(viewer), [{ ...noteSubject(note), attribute: 'note', from: note.body, to: clean }]);
      return toNote(rows[0]);
    });
  }

  /** Soft-deletes a note. Throws NOT_FOUND (also when already deleted) or FORBIDDEN NOTE_NOT_YOURS. */
  async delete(viewer: ViewerIdentity, id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const note = await this.lockChangeable(tx, viewer, id);
      await tx.query(`UPDATE notes SET deleted_at = now(), deleted_by_id = $2 WHERE id = $1`, [id, viewer.agentId]);
      await this.history.record(tx, actorOf(viewer), [{ ...noteSubject(note), attribute: 'note', from: note.body, to: null }]);
      return true;
    });
  }

  /** The live note, locked for this transaction, if the viewer may change it. */
  private async lockChangeable(tx: EntityManager, viewer: ViewerIdentity, id: string): Promise<Note> {
    const rows = isUuid(id)
      ? await tx.query(
          `SELECT ${NOTE_COLUMNS}, a.display_name AS "authorName"
             FROM ${noteFrom()} JOIN agents a ON a.id = n.author_id
            WHERE n.id = $1 AND n.deleted_at IS NULL FOR UPDATE OF n`,
          [id],
        )
      : [];
    if (!rows[0]) throw notFound('NOTE', id);
    if (!this.mayChange(viewer, rows[0].authorId)) throw forbidden(problem('NOTE_NOT_YOURS', { author: rows[0].authorName }));
    return toNote(rows[0]);
  }
}
