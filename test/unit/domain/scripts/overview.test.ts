/** The supervisor's 话术确认情况 lines: who has versions to confirm, and the latest runs. */
import { durationText, outdatedLine, outdatedStaff, runLine } from '../../../../src/domain/scripts/overview'
import type { ScriptAckStatus, ScriptRunItem } from '../../../../src/domain/contract'

const person = (name: string, n: number): ScriptAckStatus => ({
  staffId: name,
  name,
  roles: ['guard'],
  outdated: Array.from({ length: n }, (_, k) => ({ scriptId: `s${k}`, title: `话术${k + 1}`, version: 1 }))
})

// 2026-11-30 10:00 in China (02:00 UTC)
const NOW = Date.parse('2026-11-30T10:00:00+08:00')
const run = (at: number, over: Partial<ScriptRunItem> = {}): ScriptRunItem => ({
  id: 'r1',
  staffId: 'g1',
  staffName: '张卫国',
  scriptId: 'gate.visitor',
  title: '访客登记',
  version: 2,
  outcome: 'visitor.admitted',
  outcomeLabel: '已放行',
  durationMs: 65_000,
  at,
  ...over
})

describe('scripts overview', () => {
  it('lists only people with scripts to confirm, most first', () => {
    expect(outdatedStaff([person('甲', 1), person('乙', 0), person('丙', 3)]).map((p) => p.name)).toEqual([
      '丙',
      '甲'
    ])
  })
  it('a person’s line: roles, how many, the first three named (with the version read) and 等 past three', () => {
    const p = person('张卫国', 4)
    p.roles = ['guard', 'patrol']
    p.outdated[0] = { ...p.outdated[0], version: 3, ackedVersion: 2 }
    expect(outdatedLine(p)).toEqual({
      title: '张卫国（门岗、巡逻）：4 份待确认',
      detail: '话术1（已读第2版，现第3版）、话术2、话术3 等'
    })
    expect(outdatedLine(person('李巡', 3)).detail).toBe('话术1、话术2、话术3')
  })
  it('a run’s line: the day only when not today (China time), the outcome’s label else its id, the time taken', () => {
    expect(runLine(run(Date.parse('2026-11-30T09:30:00+08:00')), NOW)).toEqual({
      title: '张卫国 · 访客登记',
      detail: '09:30 · 已放行 · 用时1分5秒'
    })
    // 07:00 in China is the day before in UTC: still today here
    expect(runLine(run(Date.parse('2026-11-30T07:00:00+08:00')), NOW).detail).toBe(
      '07:00 · 已放行 · 用时1分5秒'
    )
    expect(
      runLine(run(Date.parse('2026-11-29T23:50:00+08:00'), { outcomeLabel: '', durationMs: 44_600 }), NOW)
        .detail
    ).toBe('2026-11-29 23:50 · visitor.admitted · 用时45秒')
  })
  it('durations: seconds under a minute, else minutes and seconds', () => {
    expect(durationText(0)).toBe('0秒')
    expect(durationText(59_400)).toBe('59秒')
    expect(durationText(60_000)).toBe('1分0秒')
    expect(durationText(3_725_000)).toBe('62分5秒')
  })
})
