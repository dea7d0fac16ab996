import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** Impacts that fail a test (axe's scale: minor, moderate, serious, critical); issue 10 draws the line here. */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Runs axe-core on the page, or only inside `selector` (a CSS selector, e.g. an
 * open dialog), and throws when it finds a serious or critical violation. The
 * error lists each rule with its help text and the elements that break it, so
 * a failure reads without opening a report. `what` names the screen in it.
 */
export async function expectAccessible(page: Page, what: string, selector?: string): Promise<void> {
  // Judge the screen as it settles, not half-faded in or with spinners standing in for content.
  await page.waitForFunction(
    () =>
      // Hidden tab panels may hold a spinner that never shows; only what is visible counts.
      ![...document.querySelectorAll('[role="progressbar"], [aria-busy="true"]')].some((element) => element.checkVisibility()) &&
      document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity),
  );
  const builder = new AxeBuilder({ page });
  if (selector) builder.include(selector);
  const { violations } = await builder.analyze();
  const failing = violations.filter((violation) => FAILING_IMPACTS.has(violation.impact ?? ''));
  if (failing.length === 0) return;
  const lines = failing.flatMap((violation) => [
    `- [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})`,
    ...violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.html.slice(0, 160)}`),
  ]);
  throw new Error(`Accessibility violations on ${what}:\n${lines.join('\n')}`);
}

/** The same check on the dialog that is open now (Mantine renders one `role="dialog"` per open modal). */
export function expectAccessibleDialog(page: Page, what: string): Promise<void> {
  return expectAccessible(page, `the "${what}" dialog`, '[role="dialog"]');
}
