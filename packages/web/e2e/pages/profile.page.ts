import type { Locator, Page } from 'playwright-core';

/** A customer's profile, Details tab. */
export class ProfilePage {
  constructor(private readonly page: Page) {}

  async openDetails(profileUrl: string): Promise<void> {
    await this.page.goto(`${profileUrl}?tab=details`);
    await this.page.getByRole('tab', { name: 'Details', selected: true }).waitFor();
  }

  field(label: string): Locator {
    return this.page.getByRole('group', { name: label, exact: true });
  }

  async editSelect(label: string, option: string): Promise<void> {
    await this.page.getByRole('button', { name: `Edit ${label}` }).click();
    await this.field(label).getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
    await this.field(label).getByRole('button', { name: 'Save' }).click();
  }
}
