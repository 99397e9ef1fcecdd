/** When a round may be started, and how today's cards read: the same rule on the phone and the server. */
import {
  canStartRound,
  cardStartable,
  EARLY_START_MIN,
  roundCardState
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
