import type { Locator, Page } from 'playwright-core';
import { expectAccessible } from '../support/accessibility';

/** The Requests tab of a profile or an organization page, in the language shown (`labels`). */
export class RequestsTab {
  readonly filter: Locator;

  constructor(
    private readonly page: Page,
    private readonly labels = { tab: 'Requests', filter: 'Show requests by status', pages: 'Pages', next: 'Next page' },
  ) {
    this.filter = page.getByRole('radiogroup', { name: labels.filter });
  }

  /** Opens the tab from the page's tab list, waits for the first rows and checks the screen with axe. */
  async open(tabList: string): Promise<void> {
    await this.page.getByRole('tablist', { name: tabList }).getByRole('tab', { name: this.labels.tab }).click();
    await this.page.waitForURL(/tab=requests/);
    await this.rows().first().waitFor();
    await expectAccessible(this.page, `the ${this.labels.tab} tab`);
  }

  /** Until the requests table is no longer dimmed (aria-busy) by a refetch; tables in hidden tabs do not count. */
  async settled(): Promise<void> {
    await this.page.getByRole('tabpanel', { name: this.labels.tab }).locator('table[aria-busy="true"]').waitFor({ state: 'detached' });
  }

  table(): Locator {
    return this.page.getByRole('tabpanel', { name: this.labels.tab }).getByRole('table');
  }

  /** Body rows only. */
  rows(): Locator {
    return this.table().locator('tbody tr');
  }

  /** The count on the chip of a status (or All), e.g. 12 for 'Closed 12'. */
  async chipCount(label: string): Promise<number> {
    const name = await this.chip(label).innerText();
    return Number(name.replace(/\D/g, ''));
  }

  /** A chip's label, e.g. 'Closed 12'; its radio input is invisible (Mantine draws the chip on the label). */
  chip(label: string): Locator {
    return this.filter.locator('label').filter({ hasText: new RegExp(`^${label}\\s`) });
  }

  /** Chooses a status (or All), waits for the rows of that status and checks the screen with axe. */
  async filterBy(label: string, status: string): Promise<void> {
    await this.chip(label).click();
    // The chip's radio is the control screen readers use: it must be the checked one, named with its count.
    await this.filter.getByRole('radio', { name: new RegExp(`^${label} [\\d,]+$`), checked: true }).waitFor({ state: 'attached' });
    await this.page.waitForURL((url) => (url.searchParams.get('status') ?? '') === status);
    await this.settled();
    await expectAccessible(this.page, `requests filtered by ${label}`);
  }

  /** When each row was created (ISO), in the order shown. */
  createdTimes(): Promise<string[]> {
    return this.rows().evaluateAll((rows) => rows.map((row) => row.querySelectorAll('time')[0]?.getAttribute('datetime') ?? ''));
  }

  keys(): Promise<string[]> {
    return this.rows().evaluateAll((rows) => rows.map((row) => row.querySelector('td')?.textContent ?? ''));
  }

  async nextPage(): Promise<void> {
    const [first] = await this.keys();
    await this.page.getByRole('navigation', { name: this.labels.pages }).getByRole('button', { name: this.labels.next }).click();
    // The last page stays, dimmed (aria-busy), until the next one replaces it.
    await this.table().locator('tbody tr td').first().filter({ hasNotText: first }).waitFor();
    await this.settled();
  }
}
