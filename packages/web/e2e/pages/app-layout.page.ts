import type { Locator, Page } from 'playwright-core';
import { expectAccessible } from '../support/accessibility';

export class AppLayout {
  readonly nav: Locator;
  readonly signOut: Locator;

  constructor(private readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main navigation' });
    this.signOut = page.getByRole('button', { name: 'Sign out' });
  }

  /** Opens a section from the navigation and checks the page it lands on with axe. */
  async goTo(section: 'Customers' | 'Organizations' | 'Settings'): Promise<void> {
    await this.nav.getByRole('link', { name: section }).click();
    await this.page.waitForURL(new RegExp(`/${section.toLowerCase()}`));
    await this.page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(this.page, `the ${section} page`);
  }

  /** Switches the UI language and checks the screen again with axe (names and contrast differ per language). */
  async switchLanguage(label: 'English' | '日本語', groupName = 'Language'): Promise<void> {
    await this.page.getByRole('radiogroup', { name: groupName }).getByText(label, { exact: true }).click();
    await this.page.waitForFunction((lang) => document.documentElement.lang === lang, label === 'English' ? 'en' : 'ja');
    await expectAccessible(this.page, `the screen in ${label}`);
  }
}
