import type { Locator, Page } from 'playwright-core';
import { expectAccessible, expectAccessibleDialog } from '../support/accessibility';

/** The words the Entitlements tab shows, per UI language. */
export const ENTITLEMENTS_LABELS = {
  en: { tab: 'Entitlements', grant: 'Grant entitlement', product: 'Product', submit: 'Grant', revoke: 'Revoke', save: 'Save' },
  ja: { tab: 'エンタイトルメント', grant: 'エンタイトルメントを付与', product: '製品', submit: '付与', revoke: '取り消す', save: '保存' },
};

/** The Entitlements tab of a customer's profile or an organization's page. */
export class EntitlementsTab {
  constructor(
    private readonly page: Page,
    private readonly labels = ENTITLEMENTS_LABELS.en,
  ) {}

  /** Opens the tab from the URL and checks it with axe once it is shown. */
  async open(ownerUrl: string): Promise<void> {
    await this.page.goto(`${ownerUrl}?tab=entitlements`);
    await this.page.getByRole('tab', { name: this.labels.tab, selected: true }).waitFor();
    await this.page.getByRole('button', { name: this.labels.grant }).waitFor();
    await expectAccessible(this.page, 'the Entitlements tab');
  }

  /** The entitlement card titled with this product. */
  card(product: string): Locator {
    return this.page.getByRole('article', { name: product, exact: true });
  }

  /** Grants a product through the dialog (checked with axe), and waits for its card. */
  async grant(product: string): Promise<void> {
    await this.page.getByRole('button', { name: this.labels.grant }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.waitFor();
    await expectAccessibleDialog(this.page, 'Grant entitlement');
    await dialog.getByRole('combobox', { name: this.labels.product }).click();
    await this.page.getByRole('option', { name: product, exact: true }).click();
    await dialog.getByRole('button', { name: this.labels.submit, exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await this.card(product).waitFor();
  }

  /** A detail field's row inside an entitlement's card. */
  field(product: string, label: string): Locator {
    return this.card(product).getByRole('group', { name: label, exact: true });
  }

  /** Picks a SELECT value in place and saves it. */
  async setSelect(product: string, label: string, option: string): Promise<void> {
    await this.card(product).getByRole('button', { name: `Edit ${label}`, exact: true }).click();
    await this.field(product, label).getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
    await this.field(product, label).getByRole('button', { name: this.labels.save }).click();
    await this.field(product, label).getByText(option, { exact: true }).waitFor();
  }

  /** Types a value in place and saves it. */
  async setText(product: string, label: string, text: string, shown = text): Promise<void> {
    await this.card(product).getByRole('button', { name: `Edit ${label}`, exact: true }).click();
    await this.field(product, label).getByRole('textbox', { name: label, exact: true }).fill(text);
    await this.field(product, label).getByRole('button', { name: this.labels.save }).click();
    await this.field(product, label).getByText(shown, { exact: true }).waitFor();
  }

  /** Revokes an entitlement through its confirmation dialog (checked with axe). */
  async revoke(product: string): Promise<void> {
    await this.card(product).getByRole('button', { name: `${this.labels.revoke} ${product}` }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.waitFor();
    await expectAccessibleDialog(this.page, 'Revoke entitlement');
    await dialog.getByRole('button', { name: this.labels.revoke, exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await this.card(product).waitFor({ state: 'detached' });
  }
}

/** Settings → Products (admins). */
export class ProductsSettingsPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/settings/products`);
    await this.page.getByRole('tab', { name: 'Products', selected: true }).waitFor();
    await this.page.getByRole('button', { name: 'New product' }).waitFor();
    await expectAccessible(this.page, 'Settings → Products');
  }

  row(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  /** Names a new product or renames one through the dialog (checked with axe). */
  async name(current: string | null, name: string): Promise<void> {
    if (current === null) await this.page.getByRole('button', { name: 'New product' }).click();
    else await this.action(current, 'Rename');
    const dialog = this.page.getByRole('dialog');
    await dialog.waitFor();
    await expectAccessibleDialog(this.page, current === null ? 'New product' : 'Rename product');
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByRole('button', { name: current === null ? 'Create' : 'Save' }).click();
  }

  async action(product: string, item: 'Rename' | 'Archive' | 'Restore'): Promise<void> {
    await this.page.getByRole('button', { name: `Actions for ${product}` }).click();
    await this.page.getByRole('menuitem', { name: item }).click();
  }
}
