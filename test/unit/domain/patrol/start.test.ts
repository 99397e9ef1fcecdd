/** When a round may be started, and how today's cards read: the same rule on the phone and the server. */
import { currentAndNext } from '../../../../src/domain/patrol/slots'
import {
  canStartRound,
  cardStartable,
  EARLY_START_MIN,
  offersStart,
  roundActRefusal,
  roundCardState,
  walksPlan
} from '../../../../src/domain/patrol/rules'

const M = 60_000
const SLOT = Date.UTC(2026, 10, 23, 12) // 20:00 in China

describe('canStartRound', () => {
  it('at most 30 minutes early, any time after', () => {
    expect(EARLY_START_MIN).toBe(30)
    expect(canStartRound(SLOT, SLOT - 31 * M)).toBe(false)
    expect(canStartRound(SLOT, SLOT - 30 * M - 1)).toBe(false)
    expect(canStartRound(SLOT, SLOT - 30 * M)).toBe(true)
    expect(canStartRound(SLOT, SLOT)).toBe(true)
    expect(canStartRound(SLOT, SLOT + 90 * M)).toBe(true)
  })
})

describe('cards of today', () => {
  it('a due card is late once 15 minutes have passed; other states read as they are', () => {
    expect(roundCardState({ state: 'due', slotStart: SLOT }, SLOT + 15 * M)).toBe('due')
    expect(roundCardState({ state: 'due', slotStart: SLOT }, SLOT + 15 * M + 1)).toBe('late')
    expect(roundCardState({ state: 'upcoming', slotStart: SLOT }, SLOT + 60 * M)).toBe('upcoming')
    expect(roundCardState({ state: 'done', slotStart: SLOT }, SLOT + 60 * M)).toBe('done')
  })

  it('offers 开始巡更 on a due card, and on an upcoming one within the early-start window only', () => {
    expect(cardStartable({ state: 'due', slotStart: SLOT }, SLOT + 60 * M)).toBe(true)
    expect(cardStartable({ state: 'upcoming', slotStart: SLOT }, SLOT - 45 * M)).toBe(false)
    expect(cardStartable({ state: 'upcoming', slotStart: SLOT }, SLOT - 20 * M)).toBe(true)
    expect(cardStartable({ state: 'inProgress', slotStart: SLOT }, SLOT)).toBe(false)
    expect(cardStartable({ state: 'missed', slotStart: SLOT }, SLOT)).toBe(false)
  })
})

describe('offersStart: near a slot boundary one round of a plan offers 开始巡更', () => {
  // every 30 minutes from 20:00 to 06:00, every day: the cards are the plan's open slot and the next
  const plan = { _id: 'night', days: [0, 1, 2, 3, 4, 5, 6], start: '20:00', end: '06:00', everyMinutes: 30 }
  const cardsAt = (now: number, taken: Record<number, string> = {}) => {
    const { current, next } = currentAndNext(plan, now)
    return [current, next]
      .filter((s): s is NonNullable<typeof s> => !!s)
      .map((s) => ({
        planId: s.planId,
        slotStart: s.start,
        slotEnd: s.end,
        state: taken[s.start] ?? (s.start <= now ? 'due' : 'upcoming')
      }))
  }
  const offered = (now: number, taken?: Record<number, string>) => {
    const cards = cardsAt(now, taken)
    return cards.filter((c) => offersStart(c, cards, now)).map((c) => (c.slotStart - SLOT) / M)
  }
  it('the open slot, not yet walked, is the only one offered, up to its last millisecond', () => {
    expect(offered(SLOT + 10 * M)).toEqual([0]) // 20:10: the 20:30 card is in its early window but not offered
    expect(offered(SLOT + 30 * M - 1)).toEqual([0])
    expect(offered(SLOT + 30 * M)).toEqual([30]) // 20:30: the next slot is the open one now
  })
  it('once the open slot is being walked or done, the next one may start early', () => {
    expect(offered(SLOT + 10 * M, { [SLOT]: 'inProgress' })).toEqual([30])
    expect(offered(SLOT + 10 * M, { [SLOT]: 'done' })).toEqual([30])
  })
  it('before the window opens, the first slot alone within 30 minutes', () => {
    expect(offered(SLOT - 31 * M)).toEqual([])
    expect(offered(SLOT - 30 * M)).toEqual([0])
  })
  it('plans are separate: another plan’s open slot does not hide this one', () => {
    const other = { planId: 'day', slotStart: SLOT - 30 * M, slotEnd: SLOT + 30 * M, state: 'due' }
    const mine = { planId: 'night', slotStart: SLOT + 30 * M, slotEnd: SLOT + 60 * M, state: 'upcoming' }
    expect(offersStart(mine, [other, mine], SLOT + 10 * M)).toBe(true)
  })
})

describe('walksPlan: who starts (and sees) a plan’s rounds', () => {
  it('one of the plan’s roles, or a supervisor/admin; nobody else', () => {
    const patrolOnly = { roles: ['patrol' as const] }
    expect(walksPlan(['patrol'], patrolOnly)).toBe(true)
    expect(walksPlan(['guard'], patrolOnly)).toBe(false)
    expect(walksPlan(['guard', 'patrol'], patrolOnly)).toBe(true)
    expect(walksPlan(['supervisor'], patrolOnly)).toBe(true)
    expect(walksPlan(['admin'], patrolOnly)).toBe(true)
    expect(walksPlan(['cleaner'], { roles: ['patrol', 'guard'] })).toBe(false)
  })
})

describe('roundActRefusal: who scans into and ends a round', () => {
  const r = { staffId: 'li', staffName: '李巡' }
  const li = { _id: 'li', roles: ['patrol' as const] }
  const guard = { _id: 'wang', roles: ['guard' as const] }
  const boss = { _id: 'zhou', roles: ['supervisor' as const] }
  it('the walker scans and ends it', () => {
    expect(roundActRefusal(r, li, 'scan')).toBeUndefined()
    expect(roundActRefusal(r, li, 'end')).toBeUndefined()
  })
  it('nobody else scans into it, not even a supervisor', () => {
    expect(roundActRefusal(r, guard, 'scan')).toEqual({
      code: 'FORBIDDEN',
      message: '这一轮由李巡在巡，只有李巡本人能打点'
    })
    expect(roundActRefusal(r, boss, 'scan', '原因')?.code).toBe('FORBIDDEN')
  })
  it('a supervisor ends someone else’s round only with a reason; others never', () => {
    expect(roundActRefusal(r, guard, 'end', '替他结束')?.code).toBe('FORBIDDEN')
    expect(roundActRefusal(r, boss, 'end')?.code).toBe('INVALID_INPUT')
    expect(roundActRefusal(r, boss, 'end', '  ')?.code).toBe('INVALID_INPUT')
    expect(roundActRefusal(r, boss, 'end', '手机没电')).toBeUndefined()
  })
  it('a round with no walker on record: only a supervisor ends it', () => {
    expect(roundActRefusal({}, li, 'scan')?.code).toBe('FORBIDDEN')
    expect(roundActRefusal({}, boss, 'end', '清理')).toBeUndefined()
  })
})
