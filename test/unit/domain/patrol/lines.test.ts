/** The supervisor's patrol views in words: counts, a slot's row, a round's timeline, low coverage. */
import {
  timelinePoint,
  coverageLow,
  dayCountsLine,
  dayRoundLine,
  evidenceLine,
  roundTitle
} from '../../../../src/domain/patrol/lines'
import type { ScanOut } from '../../../../src/domain/contract'

const at = (s: string) => Date.parse(`${s}+08:00`)

const scan: ScanOut = {
  id: 's1',
  roundId: 'r1',
  checkpointId: 'cp1',
  checkpointName: '1栋大堂',
  method: 'qr',
  deviceTime: at('2026-11-30T08:05:00'),
  serverTime: at('2026-11-30T08:05:02'),
  anomalies: [],
  outOfOrder: false,
  evidence: { level: 'strong', score: 90, reasons: ['签名二维码', '定位在范围内'] },
  staffName: '李巡'
}

describe('patrol lines', () => {
  it('the day’s counts in one line', () => {
    expect(
      dayCountsLine({
        done: 3,
        inProgress: 1,
        late: 0,
        missed: 2,
        incomplete: 1,
        coverage: 80,
        anomalies: 4,
        suspicious: 1
      })
    ).toBe('已完成 3 · 巡逻中 1 · 迟到 0 · 漏巡 2 · 未巡完 1 · 异常 4 · 可疑打点 1')
  })
  it('a slot: its start in China time and state; who walked it and the coverage once a round exists', () => {
    const slot = { slotStart: at('2026-11-30T08:00:00'), state: 'upcoming' as const, coverage: 0 }
    expect(dayRoundLine(slot)).toBe('08:00 未开始')
    expect(
      dayRoundLine({ ...slot, state: 'inProgress', staffName: '李巡', roundId: 'r1', coverage: 50 })
    ).toBe('08:00 巡逻中 · 李巡 · 50%')
  })
  it('a round’s heading', () => {
    expect(
      roundTitle({
        planName: '全天巡逻',
        slotStart: at('2026-11-30T20:00:00'),
        staffName: '李巡',
        status: 'done'
      })
    ).toBe('全天巡逻 20:00 · 李巡 · 已完成')
    expect(roundTitle({ planName: '夜巡', slotStart: at('2026-11-30T20:00:00'), status: 'missed' })).toBe(
      '夜巡 20:00 ·  · 漏巡'
    )
  })
  it('a checkpoint: the scan’s device time and ✓, or ✕ and 漏点', () => {
    expect(timelinePoint({ checkpointId: 'cp1', checkpointName: '1栋大堂', scan })).toBe('08:05 ✓ 1栋大堂')
    expect(timelinePoint({ checkpointId: 'cp2', checkpointName: '车库入口' })).toBe('✕ 车库入口（漏点）')
  })
  it('a scan’s evidence: method, level and reasons, and 顺序不符 when out of order', () => {
    expect(evidenceLine(scan)).toBe('扫码 · 可信：签名二维码，定位在范围内')
    expect(
      evidenceLine({
        ...scan,
        method: 'typed',
        outOfOrder: true,
        evidence: { level: 'suspicious', score: 10, reasons: ['手输编号'] }
      })
    ).toBe('手输编号 · 可疑：手输编号 · 顺序不符')
  })
  it('coverage below 80% is low; a day without slots is not', () => {
    expect(coverageLow(79)).toBe(true)
    expect(coverageLow(80)).toBe(false)
    expect(coverageLow(0)).toBe(true)
    expect(coverageLow(null)).toBe(false)
  })
})
