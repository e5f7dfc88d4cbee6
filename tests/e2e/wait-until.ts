/**
 * A bounded wait for something the test can check, failing with a message that says what was seen. For the
 * lifecycle suites, which report every failed iteration: expect.poll's message ("expected false to be true")
 * would not say which of several things never happened.
 */
export async function waitUntil(check: () => Promise<boolean>, timeout: number, whatWasSeen: () => Promise<string> | string): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(await whatWasSeen());
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Reads a value until `ok` accepts it, and returns it; fails after `timeout` saying what it still was. */
export async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}
