/**
 * Runs `task` once the browser is idle (at the latest after 2 s; after 200 ms
 * where requestIdleCallback is missing); the returned function cancels it.
 * For downloads the page will likely need soon but not for what it draws now.
 */
export function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task, { timeout: 2000 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(task, 200);
  return () => window.clearTimeout(handle);
}
