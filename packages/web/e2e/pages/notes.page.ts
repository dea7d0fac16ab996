import type { Locator, Page } from 'playwright-core';
import { expectAccessible, expectAccessibleDialog } from '../support/accessibility';

/** The words the Notes tab shows, per UI language. */
export const NOTES_LABELS = {
  en: { tab: 'Notes', newNote: 'New note', add: 'Add note', edit: 'Edit', text: 'Note text', save: 'Save', delete: 'Delete', confirm: 'Delete note' },
  ja: { tab: 'メモ', newNote: '新しいメモ', add: 'メモを追加', edit: '編集', text: 'メモの本文', save: '保存', delete: '削除', confirm: 'メモを削除' },
};

/** The Notes tab of a customer's profile or an organization's page. */
export class NotesTab {
  readonly newNote: Locator;

  constructor(
    private readonly page: Page,
    private readonly labels = NOTES_LABELS.en,
  ) {
    this.newNote = page.getByRole('textbox', { name: labels.newNote });
  }

  /** Opens the tab from the URL and checks it with axe once the notes are shown. */
  async open(ownerUrl: string): Promise<void> {
    await this.page.goto(`${ownerUrl}?tab=notes`);
    await this.page.getByRole('tab', { name: this.labels.tab, selected: true }).waitFor();
    await this.newNote.waitFor();
    await expectAccessible(this.page, 'the Notes tab');
  }

  /** The note whose text includes `text`. */
  note(text: string): Locator {
    return this.page.getByRole('article').filter({ hasText: text });
  }

  /** Types a note and saves it with Ctrl+Enter, or with the Add button. */
  async add(text: string, submit: 'shortcut' | 'button' = 'shortcut'): Promise<void> {
    await this.newNote.fill(text);
    if (submit === 'shortcut') await this.newNote.press('Control+Enter');
    else await this.page.getByRole('button', { name: this.labels.add }).click();
  }

  /** Opens the editor of a note; its text box (one at a time) is returned. */
  async startEditing(note: Locator): Promise<Locator> {
    await note.getByRole('button', { name: new RegExp(`^${this.labels.edit}|${this.labels.edit}$`) }).click();
    // Found on the page: once edited, the note's text no longer matches what found it.
    const box = this.page.getByRole('textbox', { name: this.labels.text });
    await box.waitFor();
    return box;
  }

  /** Deletes a note through its confirmation dialog, which is checked with axe. */
  async delete(note: Locator): Promise<void> {
    await note.getByRole('button', { name: new RegExp(`^${this.labels.delete}|${this.labels.delete}$`) }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.waitFor();
    await expectAccessibleDialog(this.page, 'Delete note');
    await dialog.getByRole('button', { name: this.labels.confirm }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
