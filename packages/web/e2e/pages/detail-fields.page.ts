import type { Locator, Page } from 'playwright-core';
import { expectAccessible, expectAccessibleDialog } from '../support/accessibility';

export interface NewField {
  label: string;
  type: string;
  options: string[];
  /** Only members of this team may view and edit; without one, all agents may. */
  team?: string;
}

/** Settings → Detail fields (admins). */
export class DetailFieldsPage {
  readonly dialog: Locator;

  constructor(private readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Create field' });
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/settings/detail-fields`);
    await this.page.getByRole('table', { name: 'Detail fields' }).or(this.page.getByRole('button', { name: 'Create field' })).first().waitFor();
    await expectAccessible(this.page, 'Settings → Detail fields');
  }

  async create(field: NewField): Promise<void> {
    await this.page.getByRole('button', { name: 'Create field' }).first().click();
    await expectAccessibleDialog(this.page, 'Create field');
    await this.dialog.getByRole('textbox', { name: 'Label' }).fill(field.label);
    await this.pick(this.dialog.getByRole('combobox', { name: 'Type' }), field.type);
    for (const [i, option] of field.options.entries()) {
      if (i > 0) await this.dialog.getByRole('button', { name: 'Add option' }).click();
      await this.dialog.getByRole('textbox', { name: `Option ${i + 1}`, exact: true }).fill(option);
    }
    if (field.team) {
      await this.dialog.getByRole('switch', { name: 'All agents can view' }).uncheck({ force: true });
      await this.pick(this.dialog.getByRole('combobox', { name: 'Teams that can view' }), field.team, true);
      await this.pick(this.dialog.getByRole('combobox', { name: 'Teams that can edit' }), field.team, true);
    }
    await this.dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }

  row(label: string): Locator {
    return this.page.getByRole('table', { name: 'Detail fields' }).getByRole('row').filter({ hasText: label });
  }

  private async pick(combobox: Locator, option: string, multiple = false): Promise<void> {
    await combobox.click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
    // A multi-select stays open after a pick and would cover the buttons below it. (Escape on a
    // closed single select would close the dialog instead.)
    if (multiple) await combobox.press('Escape');
  }
}
