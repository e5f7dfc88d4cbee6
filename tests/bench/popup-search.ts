// The popup's search, typed a key at a time as a person would, in the built extension's real popup page: for each
// keystroke, the time from the input event to the next frame after the results were drawn. With 100+ profiles
// every key searches all of them; this is the lag a reader could notice.
import type { BrowserContext } from 'playwright-core';

export const TYPED = ['machine learning', 'django', 'https://www.reddit.com/r/python'];

/** Per keystroke, in ms, over every query in TYPED; one array per run. */
export async function measurePopupSearch(context: BrowserContext, popupUrl: string): Promise<number[]> {
  const page = await context.newPage();
  try {
    await page.goto(popupUrl);
    const box = page.getByRole('searchbox');
    await box.waitFor();
    return await box.evaluate(async (input: HTMLInputElement, queries: string[]) => {
      const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      const times: number[] = [];
      for (const query of queries) {
        input.value = '';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await frame();
        for (const ch of query) {
          const start = performance.now();
          input.value += ch;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await frame();
          times.push(performance.now() - start);
        }
      }
      return times;
    }, TYPED);
  } finally {
    await page.close();
  }
}
