/** Runs async jobs one after another, so overlapping triggers (startup + a settings change) never interleave. */
export function serial<A extends unknown[], R>(job: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  let tail: Promise<unknown> = Promise.resolve();
  return (...args) => {
    const run = tail.then(() => job(...args));
    tail = run.catch(() => undefined);
    return run;
  };
}
