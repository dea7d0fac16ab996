import type { Browser, Locator, Page } from 'playwright-core';
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

  /**
   * A page in a fresh browser context (axe needs one of its own), signed in
   * as `email` and on the customers list, with a 10 s default timeout.
   */
  static async signedInPage(browser: Browser, baseUrl: string, email: string, password: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(10_000);
    const signIn = new SignInPage(page);
    await signIn.open(baseUrl);
    await signIn.signIn(email, password);
    await page.waitForURL(/\/customers/);
    return page;
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}
