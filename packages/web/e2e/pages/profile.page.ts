import type { Locator, Page } from 'playwright-core';
import { expectAccessible, expectAccessibleDialog } from '../support/accessibility';

/** A customer's profile. */
export class ProfilePage {
  readonly editDialog: Locator;

  constructor(private readonly page: Page) {
    this.editDialog = page.getByRole('dialog', { name: /^Edit / });
  }

  /** The Details tab, checked with axe once its fields are shown. */
  async openDetails(profileUrl: string): Promise<void> {
    await this.page.goto(`${profileUrl}?tab=details`);
    await this.page.getByRole('tab', { name: 'Details', selected: true }).waitFor();
    await this.page.getByRole('tabpanel').waitFor();
    await expectAccessible(this.page, 'the profile, Details tab');
  }

  field(label: string): Locator {
    return this.page.getByRole('group', { name: label, exact: true });
  }

  /** A field's pencil button ("Edit <label>"), where focus returns when its editor closes. */
  editButton(label: string): Locator {
    return this.page.getByRole('button', { name: `Edit ${label}`, exact: true });
  }

  async editSelect(label: string, option: string): Promise<void> {
    await this.chooseOption(label, option);
    await this.field(label).getByRole('button', { name: 'Save' }).click();
  }

  /** Opens a SELECT field's editor and picks an option, without saving. */
  async chooseOption(label: string, option: string): Promise<void> {
    await this.editButton(label).click();
    await this.field(label).getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** Opens a field's editor and types into its text box, without saving. */
  async typeValue(label: string, text: string): Promise<void> {
    await this.editButton(label).click();
    await this.field(label).getByRole('textbox', { name: label, exact: true }).fill(text);
  }

  /** Opens a DATE field's editor; its text box is `dateInput(label)`. */
  async startEditing(label: string): Promise<void> {
    await this.editButton(label).click();
    await this.dateInput(label).waitFor();
  }

  dateInput(label: string): Locator {
    return this.field(label).getByRole('textbox', { name: label, exact: true });
  }

  /** Types a date and presses Save. */
  async typeDate(label: string, text: string): Promise<void> {
    await this.dateInput(label).fill(text);
    await this.field(label).getByRole('button', { name: 'Save' }).click();
  }

  /** Opens the calendar of a DATE field and checks it with axe. */
  async openCalendar(label: string): Promise<Locator> {
    await this.field(label).getByRole('button', { name: `Choose a day for ${label}` }).click();
    const calendar = this.page.getByRole('dialog');
    await calendar.waitFor();
    await expectAccessibleDialog(this.page, `calendar of ${label}`);
    return calendar;
  }

  async openEditDialog(): Promise<void> {
    await this.page.getByRole('button', { name: 'Edit', exact: true }).click();
    await this.editDialog.waitFor();
    await expectAccessibleDialog(this.page, 'Edit customer');
  }
}
