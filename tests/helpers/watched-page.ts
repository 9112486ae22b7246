import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

/** The policy the site must live under: nothing inline, nothing from elsewhere. */
export const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export interface WatchedPage {
  page: Page;
  /** Console errors, page errors, failed, external or 4xx/5xx requests seen so far. */
  problems: string[];
  close(): Promise<void>;
}

/**
 * A page that records everything that went wrong. Same-origin responses are served with
 * STRICT_CSP added, so an inline script or style shows up as a console error; any request
 * to another origin is refused and recorded.
 */
export async function openWatchedPage(
  browser: Browser,
  origin: string,
  options: BrowserContextOptions = {},
  allowStatus: (url: string, status: number) => boolean = () => false,
): Promise<WatchedPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chromium also logs every 4xx as a console error; an allowed status is not a problem.
    const status = /status of (\d{3})/.exec(message.text());
    if (status && allowStatus(message.location().url, Number(status[1]))) return;
    problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? '';
    // The browser drops a page's icon fetch when the test navigates on at once; nothing failed.
    if (error === 'net::ERR_ABORTED' && /favicon\.svg$/.test(request.url())) return;
    problems.push(`failed: ${request.url()} ${error}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !allowStatus(response.url(), response.status())) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(origin)) {
      problems.push(`external request: ${url}`);
      return route.abort('blockedbyclient');
    }
    const response = await route.fetch();
    return route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': STRICT_CSP } });
  });
  const close = async (): Promise<void> => {
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
  };
  return { page, problems, close };
}
