import type { Locator, Page } from 'playwright-core';
import { expectAccessible } from '../support/accessibility';
import { screenshot } from '../support/browser';

/** The texts the wizard is driven by, per UI language. */
export const IMPORT_TEXTS = {
  en: { file: 'CSV file', encoding: 'Encoding', delimiter: 'Delimiter', preview: 'First rows of the file', columnTarget: (c: string) => `What column ${c} fills`, leaveOut: "Don't import", check: 'Check file', import: 'Import' },
  ja: { file: 'CSV ファイル', encoding: '文字コード', delimiter: '区切り文字', preview: 'ファイルの先頭の行', columnTarget: (c: string) => `列 ${c} の取り込み先`, leaveOut: '取り込まない', check: 'ファイルをチェック', import: 'インポート' },
} as const;

export type ImportLanguage = keyof typeof IMPORT_TEXTS;

/** The Customers → Import (or Organizations → Import) wizard. */
export class ImportWizard {
  readonly previewTable: Locator;

  constructor(
    private readonly page: Page,
    private readonly language: ImportLanguage = 'en',
  ) {
    this.previewTable = page.getByRole('table', { name: this.texts.preview });
  }

  get texts() {
    return IMPORT_TEXTS[this.language];
  }

  /** Chooses a file through the file input (as a person would after "Choose a file…") and waits for its preview; axe-checks both steps. */
  async chooseFile(name: string, bytes: Buffer, shot: string): Promise<void> {
    await expectAccessible(this.page, `the import wizard's first step (${this.language})`);
    await screenshot(this.page, `${shot}-choose-file`);
    await this.page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
    await this.previewTable.waitFor();
    await this.settled();
    await expectAccessible(this.page, `the import preview (${this.language})`);
    await screenshot(this.page, `${shot}-preview`);
  }

  /** A Select's shown value by its label. */
  field(label: string): Locator {
    return this.page.getByRole('textbox', { name: label, exact: true }).or(this.page.getByRole('combobox', { name: label, exact: true }));
  }

  /** Waits until a Select shows `value`: a new preview may still be on its way. */
  async waitForValue(label: string, value: string): Promise<void> {
    for (const deadline = Date.now() + 10_000; (await this.field(label).inputValue()) !== value; ) {
      if (Date.now() > deadline) throw new Error(`${label} never showed ${value}`);
      await this.page.waitForTimeout(100);
    }
  }

  /** Picks what a column fills (a target's label, or "Don't import") and waits for the new preview. */
  async mapColumn(column: string, target: string): Promise<void> {
    await this.field(this.texts.columnTarget(column)).click();
    await this.page.getByRole('option', { name: target, exact: true }).click();
    await this.settled();
  }

  /**
   * Starts a run (Check file or Import), waits for the progress step (the
   * bar of `phase`), axe-checks and screenshots that step, then waits for the
   * result and checks it too.
   */
  async run(button: string, phase: string, shot: string): Promise<void> {
    await this.page.getByRole('button', { name: button, exact: true }).click();
    // The result step's way on: "Back to the columns" after a check, "Import another file" after an import.
    const result = this.page.getByRole('button', { name: /^(Back to the columns|Import another file|列の設定に戻る|別のファイルをインポート)$/ });
    // Attached, not visible: a bar at 0% has no width, and a phase may pass between two polls. A run of a row or
    // two can end before the first poll (CI, session 9): then only the result is checked, as the bars of the
    // larger files' runs are (the 5,000-row test).
    const bar = this.page.getByRole('progressbar', { name: phase });
    await bar.or(result).first().waitFor({ state: 'attached' });
    if (await bar.count()) {
      await screenshot(this.page, `${shot}-progress`);
      await expectAccessible(this.page, `the import progress (${shot})`, undefined, { whileInProgress: true });
    }
    await result.waitFor({ timeout: 60_000 });
    await expectAccessible(this.page, `the import result (${shot})`);
    await screenshot(this.page, `${shot}-result`);
  }

  /** The count shown under a label of the result (Created, Would be created...). */
  async count(label: string): Promise<string> {
    return this.page.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]').innerText();
  }

  /** Waits until no preview is on its way (the table is marked busy meanwhile). */
  async settled(): Promise<void> {
    await this.page.locator('table[aria-busy="true"]').waitFor({ state: 'detached' });
  }
}
