/**
 * Guessing limits in the data store (the policy is `domain/guard/limits.ts`). Each try of a
 * code first reserves a miss on the person's and the estate's counter of the current window
 * (a versioned update, retried on conflict, so calls on other function instances count too
 * and a burst of parallel calls cannot overshoot); a hit gives the reservation back, a miss
 * keeps it, and the miss that reaches the limit writes a lockout a supervisor sees and lifts.
 */
import { AppError } from '../../domain/errors'
import {
  guessCounterId,
  GUESS_LABELS,
  GUESS_LIMITS,
  GUESS_SLOWED,
  GUESS_WINDOW_MS,
  guessWindow,
  lockActive,
  lockEnds,
  lockoutId,
  locksNow,
  mayGuess,
  personAllowance,
  type GuessKind,
  type GuessScope
} from '../../domain/guard/limits'
import type { Lockout } from '../../domain/guard/entities'
import type { Ctx } from '../context'
import { DuplicateKeyError, type DataPort, type StoredDoc } from '../data/port'

export const GUESSES = 'guesses'
export const LOCKOUTS = 'lockouts'

type CounterDoc = StoredDoc & { misses: number }
type LockDoc = Lockout & { [k: string]: unknown }

/** Who is guessing: the person's key (staff id, or a WeChat) and the estate's (or ANY_ESTATE). */
export interface Guesser {
  kind: GuessKind
  personKey: string
  staffName?: string
  estateId: string
}

const TRIES = 12

/** +1 unless the counter is at `limit` (then null); or -1 (a refund). */
async function bump(
  store: DataPort,
  id: string,
  base: Record<string, unknown>,
  delta: 1 | -1,
  allowed: (misses: number) => boolean,
  now: number
): Promise<number | null> {
  for (let i = 0; i < TRIES; i++) {
    const doc = await store.get<CounterDoc>(GUESSES, id)
    if (!doc) {
      if (delta < 0) return 0
      try {
        await store.insert<CounterDoc>(GUESSES, {
          ...base,
          _id: id,
          misses: 1,
          createdAt: now,
          updatedAt: now
        })
        return 1
      } catch (e) {
        if (e instanceof DuplicateKeyError) continue
        throw e
      }
    }
    if (delta > 0 && !allowed(doc.misses)) return null
    const misses = Math.max(0, doc.misses + delta)
    if (await store.update<CounterDoc>(GUESSES, id, doc._v, { misses, updatedAt: now }, { current: doc }))
      return misses
  }
  // so many tries at once that the counter kept moving: refused as a guess would be
  throw new AppError('RATE_LIMITED', '同时查询太多，请稍后再试')
}

/** Past the estate-wide count of a kind that slows: wait for the next window. */
function slowed(kind: GuessKind, now: number): AppError {
  const minutes = Math.max(1, Math.ceil((guessWindow(now) + GUESS_WINDOW_MS - now) / 60_000))
  return new AppError('RATE_LIMITED', `现在尝试${GUESS_LABELS[kind]}的人太多，请${minutes}分钟后再试`)
}

function locked(kind: GuessKind): AppError {
  return new AppError('GUESS_LOCKED', `${GUESS_LABELS[kind]}输错次数太多，查询已暂时锁定；请核对后找主管解锁`)
}

/** Writes (or re-arms) the lockout of one key. */
async function lockOut(
  store: DataPort,
  g: Guesser,
  scope: GuessScope,
  misses: number,
  now: number
): Promise<void> {
  const key = scope === 'person' ? g.personKey : g.estateId
  const id = lockoutId(g.kind, scope, key)
  const fields = {
    kind: g.kind,
    scope,
    key,
    estateId: g.estateId,
    staffName: scope === 'person' ? g.staffName : undefined,
    misses,
    lockedAt: now,
    until: lockEnds(now),
    liftedAt: undefined,
    liftedBy: undefined,
    liftedByName: undefined,
    updatedAt: now
  }
  for (let i = 0; i < TRIES; i++) {
    const had = await store.get<LockDoc>(LOCKOUTS, id)
    if (had && lockActive(had, now)) return
    try {
      if (!had) await store.insert<LockDoc>(LOCKOUTS, { _id: id, createdAt: now, ...fields } as LockDoc)
      else if (
        !(await store.update<LockDoc>(LOCKOUTS, id, had._v, fields as Partial<LockDoc>, { current: had }))
      )
        continue
      return
    } catch (e) {
      if (!(e instanceof DuplicateKeyError)) throw e
    }
  }
}

/**
 * Runs `attempt` (a look-up by code) under the limits of `g`. `isMiss` tells a wrong code
 * (counted) from anything else (a hit, or a refusal that is no guess: not counted).
 */
export async function guarded<T>(
  ctx: Pick<Ctx, 'store' | 'now'>,
  g: Guesser,
  attempt: () => Promise<T>,
  isMiss: (e: unknown) => boolean
): Promise<T> {
  const { store, now } = ctx
  // a kind whose estate-wide count slows (bind codes) has no estate lockout to look at
  const slows = !!GUESS_SLOWED[g.kind]
  const [mine, all] = await Promise.all([
    store.get<LockDoc>(LOCKOUTS, lockoutId(g.kind, 'person', g.personKey)),
    slows ? null : store.get<LockDoc>(LOCKOUTS, lockoutId(g.kind, 'estate', g.estateId))
  ])
  if (lockActive(mine, now) || lockActive(all, now)) throw locked(g.kind)

  const counter = (scope: GuessScope) => {
    const key = scope === 'person' ? g.personKey : g.estateId
    return {
      id: guessCounterId(g.kind, scope, key, now),
      base: { kind: g.kind, scope, key, estateId: g.estateId }
    }
  }
  const person = counter('person')
  const estate = counter('estate')
  const allowance = slows
    ? personAllowance(g.kind, (await store.get<CounterDoc>(GUESSES, estate.id))?.misses ?? 0)
    : GUESS_LIMITS[g.kind].person
  const refund = (c: ReturnType<typeof counter>) => bump(store, c.id, c.base, -1, () => true, now)

  const [p, e] = await Promise.all([
    bump(store, person.id, person.base, 1, (m) => m < allowance, now),
    bump(store, estate.id, estate.base, 1, (m) => slows || mayGuess(g.kind, 'estate', m), now)
  ])
  if (p === null && allowance < GUESS_LIMITS[g.kind].person) {
    // slowed, not locked: this source waits for the next window
    if (e !== null) await refund(estate)
    throw slowed(g.kind, now)
  }
  if (p === null || e === null) {
    // at the limit already (a lockout that ran out, or one not written): lock again, give back the other
    await Promise.all([
      p === null ? lockOut(store, g, 'person', GUESS_LIMITS[g.kind].person, now) : refund(person),
      e === null ? lockOut(store, g, 'estate', GUESS_LIMITS[g.kind].estate, now) : refund(estate)
    ])
    throw locked(g.kind)
  }
  let missed = false
  try {
    return await attempt()
  } catch (err) {
    missed = isMiss(err)
    throw err
  } finally {
    if (!missed) await Promise.all([refund(person), refund(estate)])
    else
      await Promise.all([
        locksNow(g.kind, 'person', p) ? lockOut(store, g, 'person', p, now) : undefined,
        !slows && locksNow(g.kind, 'estate', e) ? lockOut(store, g, 'estate', e, now) : undefined
      ])
  }
}

/** The miss counters of a key in the window of `now` back to zero (a supervisor lifted its lockout). */
export async function clearMisses(
  db: DataPort,
  kind: GuessKind,
  scope: GuessScope,
  key: string,
  now: number
) {
  const id = guessCounterId(kind, scope, key, now)
  const doc = await db.get<CounterDoc>(GUESSES, id)
  if (doc && doc.misses) await db.update<CounterDoc>(GUESSES, id, doc._v, { misses: 0, updatedAt: now })
}
