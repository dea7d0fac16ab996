import type { Locator, Page } from 'playwright-core';
import { expectAccessible } from '../support/accessibility';

export class SignInPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly alert: Locator;

  constructor(private readonly page: Page) {
    this.email = page.getByLabel('Email');
    this.password = page.getByLabel('Password');
    this.submit = page.getByRole('button', { name: 'Sign in' });
    this.alert = page.getByRole('alert');
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/sign-in`);
    await this.submit.waitFor();
    await expectAccessible(this.page, 'the sign-in page');
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}
