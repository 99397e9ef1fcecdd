/** How many records the cron writes at the same time. */
export const SWEEP_SET = 25

/** Runs `f` over `xs` in sets of SWEEP_SET at a time (each set one round trip deep per step of `f`). */
export async function inSets<T>(xs: readonly T[], f: (x: T) => Promise<unknown>): Promise<void> {
  for (let k = 0; k < xs.length; k += SWEEP_SET) await Promise.all(xs.slice(k, k + SWEEP_SET).map(f))
}
