import type { Locator, Page } from 'playwright-core';
import { expectAccessibleDialog } from '../support/accessibility';

export class AgentsAndTeamsPage {
  readonly agents: Locator;
  readonly teams: Locator;
  readonly dialog: Locator;

  /** `names`: the section (and table) names in the language shown. */
  constructor(
    private readonly page: Page,
    private readonly names = { agents: 'Agents', teams: 'Teams' },
  ) {
    this.agents = page.getByRole('region', { name: names.agents });
    this.teams = page.getByRole('region', { name: names.teams });
    this.dialog = page.getByRole('dialog');
  }

  async createTeam(name: string): Promise<void> {
    await this.teams.getByRole('button', { name: 'Create team' }).click();
    await expectAccessibleDialog(this.page, 'Create team');
    await this.dialog.getByLabel('Team name').fill(name);
    await this.dialog.getByRole('button', { name: 'Create' }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }

  async addAgent(agent: { email: string; displayName: string; password: string; team: string }): Promise<void> {
    await this.agents.getByRole('button', { name: 'Add agent' }).click();
    await expectAccessibleDialog(this.page, 'Add agent');
    await this.dialog.getByLabel('Email').fill(agent.email);
    await this.dialog.getByLabel('Display name').fill(agent.displayName);
    await this.dialog.getByLabel('Password').fill(agent.password);
    const teams = this.dialog.getByLabel('Teams');
    await teams.click();
    await this.page.getByRole('option', { name: agent.team }).click();
    // The multi-select stays open after a pick and would cover the submit button.
    await teams.press('Escape');
    await this.dialog.getByRole('button', { name: 'Create' }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }

  /** A row of the agents table, found through the table's accessible name (the section heading). */
  agentRow(email: string): Locator {
    return this.agents.getByRole('table', { name: this.names.agents }).getByRole('row').filter({ hasText: email });
  }

  teamRow(name: string): Locator {
    return this.teams.getByRole('table', { name: this.names.teams }).getByRole('row').filter({ hasText: name });
  }
}
