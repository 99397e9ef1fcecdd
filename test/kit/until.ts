/**
 * Waits until `fn` gives something (not undefined, null or false), polling every `every` ms, as a
 * person would watch the screen; throws `timed out waiting for <what>` after `ms`. The browser
 * tests (test/e2e) and the built mini program's runtime (test/weapp) both wait this way.
 */
export async function until<T>(
  what: string,
  fn: () => Promise<T | undefined | null | false>,
  ms = 15_000,
  every = 200
): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const v = await fn()
    if (v !== undefined && v !== null && v !== false) return v
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, every))
  }
}
