import type { Locator, Page } from 'playwright-core';
import { expectAccessible } from '../support/accessibility';

/** The words the History tab shows, per UI language. */
export const HISTORY_LABELS = {
  en: { tab: 'History', list: 'Changes, newest first', loadMore: 'Load more' },
  ja: { tab: '履歴', list: '変更履歴（新しい順）', loadMore: 'さらに表示' },
};

/** The History tab of a customer's profile or an organization's page. */
export class HistoryTab {
  readonly list: Locator;

  constructor(
    private readonly page: Page,
    private readonly labels = HISTORY_LABELS.en,
  ) {
    this.list = page.getByRole('list', { name: labels.list });
  }

  /** Opens the tab from the URL and checks it with axe once the timeline is shown. */
  async open(ownerUrl: string): Promise<void> {
    await this.page.goto(`${ownerUrl}?tab=history`);
    await this.page.getByRole('tab', { name: this.labels.tab, selected: true }).waitFor();
    await this.list.waitFor();
    await expectAccessible(this.page, 'the History tab');
  }

  /** The entries, newest first, as their text. */
  async entries(): Promise<string[]> {
    return (await this.list.getByRole('listitem').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  async loadMore(): Promise<void> {
    const before = await this.list.getByRole('listitem').count();
    await this.page.getByRole('button', { name: this.labels.loadMore }).click();
    await this.page.waitForFunction(
      ({ name, count }) => document.querySelectorAll(`ol[aria-label="${name}"] > li`).length > count,
      { name: this.labels.list, count: before },
    );
  }
}
