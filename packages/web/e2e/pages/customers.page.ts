import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { expectAccessible, expectAccessibleDialog } from '../support/accessibility';

export class CustomersPage {
  readonly search: Locator;
  readonly table: Locator;
  readonly dialog: Locator;
  readonly filtersDialog: Locator;

  constructor(private readonly page: Page) {
    this.search = page.getByLabel('Search customers');
    this.table = page.getByRole('table', { name: 'Customers' });
    this.dialog = page.getByRole('dialog', { name: 'Add customers' });
    this.filtersDialog = page.getByRole('dialog', { name: 'Add filter' });
  }

  /** Waits for the first page of rows and checks the list with axe. */
  async waitForList(): Promise<void> {
    await this.rows().nth(1).getByRole('link').first().waitFor();
    await expectAccessible(this.page, 'the customers list');
  }

  /** The members table on an organization's page (the same list, named for its members). */
  membersTable(): Locator {
    return this.page.getByRole('table', { name: 'Members' });
  }

  rows(): Locator {
    return this.table.getByRole('row');
  }

  /** Filters the list by a product (own or inherited entitlements); the choice goes to the URL. */
  async filterByProduct(product: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Product' }).click();
    await this.page.getByRole('option', { name: product, exact: true }).click();
    await this.page.waitForURL((url) => url.searchParams.has('product'));
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    // The list follows the URL, which the debounced search box updates.
    await this.page.waitForURL((url) => url.searchParams.get('q') === text);
  }

  /** Opens the add-customers dialog and pastes text, in the language shown (`labels`); returns the dialog. */
  async pasteIdentifiers(text: string, labels = { open: 'Add customers', field: 'Emails or usernames' }): Promise<Locator> {
    await this.page.getByRole('button', { name: labels.open }).click();
    const dialog = this.page.getByRole('dialog', { name: labels.open });
    await dialog.getByLabel(labels.field).fill(text);
    return dialog;
  }

  async addCustomers(identifiers: string, newOrganization: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add customers' }).click();
    await expectAccessibleDialog(this.page, 'Add customers');
    await this.dialog.getByLabel('Emails or usernames').fill(identifiers);
    const organization = this.dialog.getByRole('textbox', { name: 'Organization (optional)' });
    await organization.fill(newOrganization);
    await this.page.getByRole('option', { name: `Create “${newOrganization}”` }).click();
    await this.dialog.getByRole('button', { name: 'Add customers' }).click();
    await this.dialog.getByText('Done', { exact: true }).first().waitFor();
    await expectAccessibleDialog(this.page, 'Add customers (results)');
  }

  /** Opens Filters and picks the field; the value control that fits it is then `filterValue`. */
  async startFilter(field: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Filters' }).click();
    await expectAccessibleDialog(this.page, 'Add filter');
    await this.filtersDialog.getByRole('combobox', { name: 'Field' }).click();
    await this.page.getByRole('option', { name: field, exact: true }).click();
  }

  /** Clicks the list's Export button (named `name`) and answers the downloaded file's name and text. */
  async exportCsv(name = 'Export these customers as CSV'): Promise<{ filename: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('link', { name }).click()]);
    const file = await download.path();
    return { filename: download.suggestedFilename(), bytes: readFileSync(file) };
  }

  get filterValue(): Locator {
    return this.filtersDialog.getByRole('textbox', { name: 'Value' });
  }
}
