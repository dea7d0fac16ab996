// The browser tests' Jest environment: when a test fails, it tells what each
// open page showed at that moment (address, visible text, a screenshot in
// test-results/failures/), because a CI log of a failed wait ("heading not
// visible after 10 s") says nothing of whether the page was loading, showed
// an error or another record. Plain CommonJS: Jest loads environments untransformed.
const { mkdirSync } = require('node:fs');
const path = require('node:path');
const { TestEnvironment } = require('jest-environment-node');

const FAILURES = path.resolve(__dirname, '../../../../test-results/failures');
const TEXT_LIMIT = 1500;

class FailureReportEnvironment extends TestEnvironment {
  async setup() {
    await super.setup();
    // launchBrowser() (browser.ts) registers every browser here.
    this.global.__e2eBrowsers = [];
  }

  async handleTestEvent(event) {
    if (event.name !== 'test_fn_failure') return;
    const title = [];
    for (let block = event.test; block && block.name !== 'ROOT_DESCRIBE_BLOCK'; block = block.parent) title.unshift(block.name);
    const slug = title.join(' ').replace(/[^\w-]+/g, '-').slice(0, 80);
    const pages = (this.global.__e2eBrowsers ?? []).flatMap((browser) => (browser.isConnected() ? browser.contexts().flatMap((c) => c.pages()) : []));
    const lines = [`[e2e failure] ${title.join(' › ')}: ${pages.length} open page(s)`];
    for (const [i, page] of pages.entries()) {
      try {
        const text = await page.evaluate(() => document.body?.innerText ?? '', undefined);
        mkdirSync(FAILURES, { recursive: true });
        const file = path.join(FAILURES, `${slug}-${i + 1}.png`);
        await page.screenshot({ path: file, fullPage: true, timeout: 5_000 });
        lines.push(`  page ${i + 1}: ${page.url()}\n  screenshot: ${path.relative(process.cwd(), file)}\n  text: ${text.replace(/\s+/g, ' ').slice(0, TEXT_LIMIT)}`);
      } catch (error) {
        lines.push(`  page ${i + 1}: ${page.url()} (could not be read: ${error.message.split('\n')[0]})`);
      }
    }
    process.stderr.write(`${lines.join('\n')}\n`);
  }
}

module.exports = FailureReportEnvironment;
