/** When a round may be started, and how today's cards read: the same rule on the phone and the server. */
import {
  canStartRound,
  cardStartable,
  EARLY_START_MIN,
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
