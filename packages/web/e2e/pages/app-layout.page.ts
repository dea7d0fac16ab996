import type { Locator, Page } from 'playwright-core';

export class AppLayout {
  readonly nav: Locator;
  readonly signOut: Locator;

  constructor(private readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main navigation' });
    this.signOut = page.getByRole('button', { name: 'Sign out' });
  }

  async goTo(section: 'Customers' | 'Organizations' | 'Settings'): Promise<void> {
    await this.nav.getByRole('link', { name: section }).click();
  }

  async switchLanguage(label: 'English' | '日本語', groupName = 'Language'): Promise<void> {
    await this.page.getByRole('radiogroup', { name: groupName }).getByText(label, { exact: true }).click();
  }
}
