/**
 * Guessing limits: where a right guess pays (a visitor pass code, a goods slip number, a bind
 * code), misses are counted per person and per estate in fixed windows, and a lockout follows
 * the Nth miss. Hits are not counted. The cloud counts in the data store (`src/cloud/kit/guesses.ts`);
 * the policy is here, as pure functions.
 */

export type GuessKind = 'pass' | 'goods' | 'bind' | 'visitor'
/** Who the misses are counted for: the person guessing, or everyone of the estate together. */
export type GuessScope = 'person' | 'estate'

/** Misses are counted in fixed windows of this length. */
export const GUESS_WINDOW_MS = 15 * 60_000
/**
 * How long a lockout lasts unless a supervisor lifts it first. At least one window, so the
 * window that caused it has ended when it ends.
 */
export const GUESS_LOCK_MS = 60 * 60_000

/** Misses allowed in one window before the lockout, per kind and scope. */
export const GUESS_LIMITS: Record<GuessKind, Record<GuessScope, number>> = {
  // a guard mistypes a code now and then; five wrong in a quarter hour is not typing
  pass: { person: 5, estate: 20 },
  goods: { person: 5, estate: 20 },
  // a returning visitor looked up by phone: every new visitor's phone is a miss, so the limit
  // is a busy gate's quarter hour of new visitors, far below what collecting phones would need
  visitor: { person: 30, estate: 100 },
  // bind codes: per source (a WeChat, or an IP on our server) and, since the caller is nobody
  // yet, for the whole server; that count slows (GUESS_SLOWED), it never locks
  bind: { person: 5, estate: 50 }
}

/**
 * Kinds whose estate-wide count slows rather than locks. Bind codes are tried by people who are
 * nobody yet, all under one "estate" (ANY_ESTATE): a lockout there would let one attacker with
 * many sources keep every new person out. Once the window's estate-wide misses reach the limit,
 * each source may miss only `person` times in that window and is then asked to wait for the
 * next one (RATE_LIMITED, no lockout); a right code is never refused for it.
 */
export const GUESS_SLOWED: Partial<Record<GuessKind, { person: number }>> = { bind: { person: 1 } }

/** Misses one person (source) may make in this window, given the estate-wide misses already counted. */
export function personAllowance(kind: GuessKind, estateMisses: number): number {
  const slowed = GUESS_SLOWED[kind]
  if (slowed && estateMisses >= GUESS_LIMITS[kind].estate) return slowed.person
  return GUESS_LIMITS[kind].person
}

export const GUESS_LABELS: Record<GuessKind, string> = {
  pass: '访客通行码',
  goods: '放行条编号',
  visitor: '来访人手机号',
  bind: '绑定码'
}

/** Estate id of a bind-code lockout: the caller belongs to no estate yet. */
export const ANY_ESTATE = '*'

/** Start of the window `now` falls in. */
export function guessWindow(now: number): number {
  return now - (((now % GUESS_WINDOW_MS) + GUESS_WINDOW_MS) % GUESS_WINDOW_MS)
}

/** Id of the miss counter of one key in the window of `now`. */
export function guessCounterId(kind: GuessKind, scope: GuessScope, key: string, now: number): string {
  return `${kind}:${scope}:${key}:${guessWindow(now)}`
}

/** Id of the lockout of one key (one per key, re-armed by the next lockout). */
export function lockoutId(kind: GuessKind, scope: GuessScope, key: string): string {
  return `${kind}:${scope}:${key}`
}

export interface LockoutState {
  until: number
  liftedAt?: number
}

/** A lockout holds until its time is up or a supervisor lifts it. */
export function lockActive(lock: LockoutState | null | undefined, now: number): boolean {
  return !!lock && lock.until > now && lock.liftedAt === undefined
}

/** Whether one more guess may be tried with `misses` already counted in this window. */
export function mayGuess(kind: GuessKind, scope: GuessScope, misses: number): boolean {
  return misses < GUESS_LIMITS[kind][scope]
}

/** Whether the count after a miss reached the limit: then the key is locked out. */
export function locksNow(kind: GuessKind, scope: GuessScope, misses: number): boolean {
  return misses >= GUESS_LIMITS[kind][scope]
}

/** When a lockout starting at `now` ends. */
export function lockEnds(now: number): number {
  return now + GUESS_LOCK_MS
}

/**
 * The most guesses one person can make in `periodMs` with nobody lifting a lockout: one
 * window's allowance, then a lockout, then again. The bench measures the same through the
 * real dispatcher.
 */
export function mostGuesses(kind: GuessKind, scope: GuessScope, periodMs: number): number {
  const cycle = GUESS_LOCK_MS
  const per = GUESS_LIMITS[kind][scope]
  return per * Math.ceil(periodMs / cycle)
}

/** The Chinese line a supervisor reads for a lockout. */
export function lockoutLine(
  l: { kind: GuessKind; scope: GuessScope; staffName?: string; misses: number; until: number },
  formatTime: (t: number) => string
): string {
  const who =
    l.scope === 'estate' ? (l.kind === 'bind' ? '所有未登录设备' : '全小区') : (l.staffName ?? '未登录设备')
  return `${who}：${GUESS_LABELS[l.kind]}连续输错${l.misses}次，已锁定至${formatTime(l.until)}`
}
