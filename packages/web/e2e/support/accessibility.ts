import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** Impacts that fail a test (axe's scale: minor, moderate, serious, critical); issue 10 draws the line here. */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Runs axe-core on the page, or only inside `selector` (a CSS selector, e.g. an
 * open dialog), and throws when it finds a serious or critical violation. The
 * error lists each rule with its help text and the elements that break it, so
 * a failure reads without opening a report. `what` names the screen in it.
 * `whileInProgress` judges a screen that shows progress bars at once (they
 * are what it is about), instead of waiting for them to go.
 */
export async function expectAccessible(page: Page, what: string, selector?: string, { whileInProgress = false } = {}): Promise<void> {
  // Judge the screen once it has been settled for a moment: not half-faded in, not dimmed while a
  // refetch runs (a list can start one just after it renders from the cache), no spinners in place.
  // A screen whose subject is progress (an import running) is judged with its bars: only animations must end.
  await page.waitForFunction(
    ({ start, quietMs, busy }) => {
      const state = window as unknown as { a11yUnsettledAt?: number };
      const settled =
        // Hidden tab panels may hold a spinner that never shows; only what is visible counts.
        (busy || ![...document.querySelectorAll('[role="progressbar"], [aria-busy="true"]')].some((element) => element.checkVisibility())) &&
        document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity);
      if (!settled) state.a11yUnsettledAt = Date.now();
      return settled && Date.now() - Math.max(state.a11yUnsettledAt ?? 0, start) >= quietMs;
    },
    { start: Date.now(), quietMs: whileInProgress ? 0 : 300, busy: whileInProgress },
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
