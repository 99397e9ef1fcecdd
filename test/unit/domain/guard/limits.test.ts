import {
  GUESS_LIMITS,
  GUESS_LOCK_MS,
  GUESS_WINDOW_MS,
  guessCounterId,
  guessWindow,
  lockActive,
  lockEnds,
  lockoutId,
  lockoutLine,
  locksNow,
  mayGuess,
  mostGuesses
} from '../../../../src/domain/guard/limits'

const T = Date.UTC(2026, 10, 23, 1, 7, 0)

describe('guessing limits', () => {
  it('windows are fixed and a lockout outlasts the window that caused it', () => {
    expect(guessWindow(T) % GUESS_WINDOW_MS).toBe(0)
    expect(guessWindow(T)).toBeLessThanOrEqual(T)
    expect(guessWindow(T + GUESS_WINDOW_MS)).toBe(guessWindow(T) + GUESS_WINDOW_MS)
    expect(GUESS_LOCK_MS).toBeGreaterThanOrEqual(GUESS_WINDOW_MS)
    expect(guessCounterId('pass', 'person', 's1', T)).toBe(
      guessCounterId('pass', 'person', 's1', guessWindow(T))
    )
    expect(guessCounterId('pass', 'person', 's1', T)).not.toBe(
      guessCounterId('pass', 'person', 's1', T + GUESS_WINDOW_MS)
    )
    expect(lockoutId('goods', 'estate', 'e1')).toBe('goods:estate:e1')
  })

  it('a person may miss up to the limit; the miss that reaches it locks', () => {
    const n = GUESS_LIMITS.pass.person
    expect(mayGuess('pass', 'person', n - 1)).toBe(true)
    expect(mayGuess('pass', 'person', n)).toBe(false)
    expect(locksNow('pass', 'person', n - 1)).toBe(false)
    expect(locksNow('pass', 'person', n)).toBe(true)
    // an estate allows more than a person, so one guard cannot lock everyone
    expect(GUESS_LIMITS.pass.estate).toBeGreaterThan(n)
  })

  it('a lockout holds until its end or until it is lifted', () => {
    const lock = { until: lockEnds(T) }
    expect(lockActive(lock, T)).toBe(true)
    expect(lockActive(lock, T + GUESS_LOCK_MS - 1)).toBe(true)
    expect(lockActive(lock, T + GUESS_LOCK_MS)).toBe(false)
    expect(lockActive({ ...lock, liftedAt: T + 1 }, T + 2)).toBe(false)
    expect(lockActive(null, T)).toBe(false)
  })

  it('the most guesses of one guard in a day, nobody lifting', () => {
    expect(mostGuesses('pass', 'person', 24 * 3600_000)).toBe(GUESS_LIMITS.pass.person * 24)
  })

  it('the supervisor’s line', () => {
    const at = (t: number) => new Date(t).toISOString().slice(11, 16)
    expect(
      lockoutLine(
        { kind: 'pass', scope: 'person', staffName: '张卫国', misses: 5, until: T + GUESS_LOCK_MS },
        at
      )
    ).toBe('张卫国：访客通行码连续输错5次，已锁定至02:07')
    expect(lockoutLine({ kind: 'goods', scope: 'estate', misses: 20, until: T }, at)).toBe(
      '全小区：放行条编号连续输错20次，已锁定至01:07'
    )
  })
})
