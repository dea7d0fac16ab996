import type { Locator, Page } from 'playwright-core';
import { expectAccessible } from '../support/accessibility';

/** The tabs of a customer's profile and an organization's page, by URL value, with their names per UI language. */
export const RECORD_TABS = {
  en: { members: 'Members', details: 'Details', entitlements: 'Entitlements', requests: 'Requests', notes: 'Notes', history: 'History' },
  ja: { members: 'メンバー', details: '詳細', entitlements: 'エンタイトルメント', requests: 'リクエスト', notes: 'メモ', history: '履歴' },
};
export type RecordTab = keyof (typeof RECORD_TABS)['en'];

/** A record page (profile or organization) walked tab by tab. */
export class RecordTabs {
  constructor(
    private readonly page: Page,
    private readonly names: Record<RecordTab, string> = RECORD_TABS.en,
  ) {}

  /**
   * Opens one tab by clicking it (as a person would), waits until its panel
   * shows content, not a spinner, and checks the page with axe.
   */
  async open(tab: RecordTab): Promise<Locator> {
    await this.page.getByRole('tab', { name: this.names[tab], exact: true }).click();
    await this.page.getByRole('tab', { name: this.names[tab], exact: true, selected: true }).waitFor();
    const panel = this.page.getByRole('tabpanel', { name: this.names[tab], exact: true });
    await panel.waitFor();
    await panel.locator('article, table tbody tr, li, [role="group"]').first().waitFor();
    await expectAccessible(this.page, `the ${tab} tab`);
    return panel;
  }
}
