import { currentAndNext, slotsBetween, slotsOn, weekday } from '../../../../src/domain/patrol/slots'
import {
  acceptScan,
  anomaliesOf,
  checkpointCode,
  distanceM,
  evaluateRound,
  parseCheckpointQr,
  rateEvidence
} from '../../../../src/domain/patrol/rules'

const H = 3600_000
// 2026-11-23 is a Monday; 00:00 in the estate (UTC+8) is 16:00 UTC the day before
const MON = Date.UTC(2026, 10, 22, 16)
const night = { _id: 'p', days: [1, 2, 3, 4, 5], start: '20:00', end: '06:00', everyMinutes: 120 }

describe('schedule', () => {
  it('expands a window across midnight on the days it runs', () => {
    expect(weekday(MON)).toBe(1)
    const s = slotsOn(night, MON + 12 * H)
    expect(s.map((x) => (x.start - MON) / H)).toEqual([20, 22, 24, 26, 28])
    expect((s[4].end - MON) / H).toBe(30)
    expect(slotsOn(night, MON - 12 * H)).toEqual([]) // Sunday: not planned
  })
  it('finds the open slot and the next one, including last night’s window', () => {
    const at = MON + 25 * H // Tuesday 01:00, inside Monday night's 00:00 slot
    const { current, next } = currentAndNext(night, at)
    expect((current!.start - MON) / H).toBe(24)
    expect((next!.start - MON) / H).toBe(26)
    expect(slotsBetween(night, MON + 23 * H, MON + 27 * H).map((x) => (x.start - MON) / H)).toEqual([
      22, 24, 26
    ])
    const last = { ...night, end: '21:00', start: '20:00', everyMinutes: 45 }
    expect(slotsOn(last, MON).map((x) => [(x.start - MON) / 60_000, (x.end - MON) / 60_000])).toEqual([
      [1200, 1245],
      [1245, 1260]
    ])
  })
})

describe('scans', () => {
  const route = { name: '主路线', checkpointIds: ['a', 'b', 'c'], ordered: true }
  const names = (id: string) => ({ a: '大堂', b: '车库', c: '泵房', x: '天台' })[id]
  it('accepts in order, flags out of order, refuses repeats and other routes with the reason', () => {
    expect(acceptScan(route, [], 'a', names)).toEqual({ ok: true, outOfOrder: false })
    expect(acceptScan(route, ['a'], 'c', names)).toEqual({
      ok: true,
      outOfOrder: true,
      note: '按顺序应先到「车库」，已记录为顺序不符'
    })
    expect(acceptScan({ ...route, ordered: false }, ['a'], 'c', names)).toEqual({
      ok: true,
      outOfOrder: false
    })
    expect(acceptScan(route, ['a'], 'a', names)).toEqual({
      ok: false,
      code: 'REPEAT',
      reason: '「大堂」本轮已经打过点了'
    })
    expect(acceptScan(route, [], 'x', names, '天台路线')).toEqual({
      ok: false,
      code: 'WRONG_POINT',
      reason: '「天台」属于「天台路线」，不在本路线「主路线」上'
    })
  })
  it('finds anomalies in answers', () => {
    const qs = [
      { key: 'ok', label: '是否正常', kind: 'yesno' as const },
      { key: 't', label: '水压', kind: 'number' as const, anomalyWhen: { min: 0.2, max: 0.6 } },
      { key: 'c', label: '门', kind: 'choice' as const, options: ['关', '开'], anomalyWhen: { equals: '开' } }
    ]
    expect(anomaliesOf(qs, { ok: 'yes', t: '0.4', c: '关' })).toEqual([])
    expect(anomaliesOf(qs, { ok: 'no', t: '0.9', c: '开' })).toEqual(['是否正常：否', '水压：0.9', '门：开'])
  })
  it('QR tokens and typed codes', () => {
    expect(parseCheckpointQr('GWT-C:cp-1.abcdefghijklmnopqrstuv')).toEqual({
      checkpointId: 'cp-1',
      sig: 'abcdefghijklmnopqrstuv'
    })
    expect(parseCheckpointQr('GWT-C:cp-1')).toBeUndefined()
    expect(parseCheckpointQr('cp-1.abcdefghijklmnopqrstuv')).toBeUndefined()
    for (let i = 0; i < 100; i++) expect(checkpointCode(Math.random)).toMatch(/^[A-HJ-NP-Z2-9]{4}$/)
  })
})

describe('evidence', () => {
  const point = { position: { lat: 22.5, lng: 114, radiusM: 30 } }
  const t = 1_000_000
  it('ranks a signed NFC tag over QR over a plain NFC tag id over a typed code', () => {
    const r = (method: 'nfc' | 'qr' | 'typed', signedTag?: boolean) =>
      rateEvidence({ method, signedTag, deviceTime: t, serverTime: t }, {}).score
    expect(r('nfc', true)).toBeGreaterThan(r('qr'))
    expect(r('qr')).toBeGreaterThan(r('nfc'))
    expect(r('nfc')).toBeGreaterThan(r('typed'))
    expect(rateEvidence({ method: 'typed', deviceTime: t, serverTime: t }, {}).level).toBe('weak')
  })
  it('distance, accuracy, mocked location, walking speed and clock skew', () => {
    expect(Math.round(distanceM({ lat: 22.5, lng: 114 }, { lat: 22.501, lng: 114 }))).toBe(111)
    expect(
      rateEvidence(
        { method: 'qr', deviceTime: t, serverTime: t, position: { lat: 22.5001, lng: 114, accuracyM: 10 } },
        point
      ).level
    ).toBe('strong')
    const far = rateEvidence(
      { method: 'qr', deviceTime: t, serverTime: t, position: { lat: 22.51, lng: 114, accuracyM: 10 } },
      point
    )
    expect(far.level).toBe('suspicious')
    expect(far.reasons[1]).toMatch(/超出范围/)
    expect(
      rateEvidence(
        { method: 'qr', deviceTime: t, serverTime: t, position: { lat: 22.5, lng: 114, accuracyM: 0 } },
        point
      ).reasons
    ).toContain('定位精度为 0，疑似模拟定位')
    expect(
      rateEvidence(
        { method: 'qr', deviceTime: t, serverTime: t, position: { lat: 22.5, lng: 114, accuracyM: 300 } },
        point
      ).reasons
    ).toContain('定位精度差（±300米）')
    const prev = {
      checkpointId: 'a',
      deviceTime: t - 10_000,
      position: { lat: 22.49, lng: 114, accuracyM: 10 },
      checkpointPosition: { lat: 22.49, lng: 114 }
    }
    const fast = rateEvidence(
      { method: 'qr', deviceTime: t, serverTime: t, position: { lat: 22.5, lng: 114, accuracyM: 10 } },
      point,
      prev
    )
    expect(fast.level).toBe('suspicious')
    expect(fast.reasons.join()).toMatch(/10 秒走了 1112 米，快于步行/)
    const skew = rateEvidence({ method: 'nfc', deviceTime: t + 10 * 60_000, serverTime: t }, {})
    expect(skew).toMatchObject({ level: 'suspicious' })
    expect(skew.reasons).toContain('手机时间比服务器快 10 分钟')
  })
})

describe('round evaluation', () => {
  const plan = { minMinutes: 10, maxMinutes: 40 }
  const route = { checkpointIds: ['a', 'b', 'c', 'd'] }
  const ev = { level: 'ok' as const, score: 70, reasons: [] }
  const sc = (
    id: string,
    min: number,
    extra: Partial<{ outOfOrder: boolean; anomalies: string[]; level: 'suspicious' }> = {}
  ) => ({
    checkpointId: id,
    deviceTime: min * 60_000,
    outOfOrder: extra.outOfOrder ?? false,
    anomalies: extra.anomalies ?? [],
    evidence: extra.level ? { ...ev, level: extra.level } : ev
  })
  const names = (id: string) => id.toUpperCase()
  it('a clean round has no flags', () => {
    const e = evaluateRound(
      plan,
      route,
      { slotStart: 0, slotEnd: 120 * 60_000, startedAt: 0, endedAt: 20 * 60_000, status: 'done' },
      ['a', 'b', 'c', 'd'].map((x, i) => sc(x, i * 5)),
      names,
      30 * 60_000
    )
    expect(e).toMatchObject({ coverage: 100, flags: [], incomplete: false })
  })
  it('late, too fast, out of order, missed, anomalies, suspicious', () => {
    const scans = [
      sc('a', 20),
      sc('c', 21, { outOfOrder: true, anomalies: ['x：否'] }),
      sc('b', 22, { level: 'suspicious' })
    ]
    const e = evaluateRound(
      plan,
      route,
      {
        slotStart: 0,
        slotEnd: 120 * 60_000,
        startedAt: 20 * 60_000,
        endedAt: 23 * 60_000,
        status: 'abandoned'
      },
      scans,
      names,
      60 * 60_000
    )
    expect(e.flags).toEqual([
      '迟到开始',
      '漏点 1 个：D',
      '顺序不符 1 次',
      '用时 3 分钟，少于计划的 10 分钟',
      '异常 1 项',
      '可疑打点 1 个'
    ])
    expect(e.coverage).toBe(75)
  })
  it('overrun while still walking, and a missed round', () => {
    const e = evaluateRound(
      plan,
      route,
      { slotStart: 0, slotEnd: 120 * 60_000, startedAt: 0, status: 'inProgress' },
      [sc('a', 1)],
      names,
      50 * 60_000
    )
    expect(e).toMatchObject({ overrun: true, incomplete: false })
    expect(
      evaluateRound(plan, route, { slotStart: 0, slotEnd: 1, status: 'missed' }, [], names, 5).flags[0]
    ).toBe('漏巡')
  })
})
