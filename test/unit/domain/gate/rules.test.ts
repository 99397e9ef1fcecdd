import {
  blockDecisionProblem,
  blockEntryProblem,
  blockRefusalReason,
  checkInProblem,
  constructionNeeded,
  csvCell,
  goodsDecisionProblem,
  goodsIssueProblem,
  goodsSlipProblem,
  hourRanges,
  idDocProblem,
  isRepeatedExit,
  logRange,
  overstayCount,
  overstayLimitMs,
  PASS_MAX_DAYS,
  passWindowProblem,
  permitDatesProblem,
  RECENT_EXIT_MS,
  refusalProblem
} from '../../../../src/domain/gate/rules'
import { DAY_MS, localDate } from '../../../../src/domain/time'

const H = 3600_000
// 2026-11-23 14:00 in the estate (UTC+8)
const NOW = Date.UTC(2026, 10, 23, 6)
const CHECKS = { itemsMatch: true, signatureOk: true, stampOk: true, authorityOk: true, lorry: false }

describe('overstay', () => {
  it('the estate’s hours, else four; a stay is over only after the limit', () => {
    expect(overstayLimitMs(undefined)).toBe(4 * H)
    expect(overstayLimitMs({ overstayHours: 2 })).toBe(2 * H)
    expect(overstayLimitMs({ overstayHours: 0 })).toBe(4 * H)
    expect(overstayCount([NOW - 4 * H, NOW - 4 * H - 1, NOW - H, NOW - 9 * H], NOW, 4 * H)).toBe(2)
  })
})

describe('check-in', () => {
  it('a refusal needs its reason; a pass check-in needs the pass', () => {
    expect(refusalProblem('refused', '')).toEqual({ field: 'reason', message: '未放行：请写明原因' })
    expect(refusalProblem('refused', '推销')).toBeUndefined()
    expect(refusalProblem('admitted', undefined)).toBeUndefined()
    const walkIn = { source: 'walkin' as const, case: 'ownerGuest', result: 'admitted' }
    expect(checkInProblem(walkIn)).toBeUndefined()
    expect(checkInProblem({ ...walkIn, result: 'refused' })?.field).toBe('reason')
    expect(checkInProblem({ ...walkIn, source: 'pass' })?.field).toBe('passId')
    expect(checkInProblem({ ...walkIn, source: 'pass', passId: 'p1' })).toBeUndefined()
  })
  it('construction is checked only for a worker let in', () => {
    expect(constructionNeeded({ case: 'construction', result: 'admitted' })).toBe(true)
    expect(constructionNeeded({ case: 'construction', result: 'refused' })).toBe(false)
    expect(constructionNeeded({ case: 'ownerGuest', result: 'admitted' })).toBe(false)
  })
  it('an ID is none, or the last four with the phone’s hash', () => {
    expect(idDocProblem({ type: 'none', last4: '' })).toBeUndefined()
    expect(idDocProblem({ type: 'idcard', last4: '002X', hash: 'h' })).toBeUndefined()
    expect(idDocProblem({ type: 'idcard', last4: '002X' })?.field).toBe('idDoc')
    expect(idDocProblem({ type: 'idcard', last4: '02X', hash: 'h' }, 'x')?.field).toBe('x')
  })
})

describe('the block list at the gate', () => {
  it('a match is let in only with a reason; refusing or no match needs none', () => {
    expect(blockDecisionProblem(true, 'admitted', undefined)).toMatch(/请写明放行原因/)
    expect(blockDecisionProblem(true, 'admitted', '   ')).toMatch(/请写明放行原因/)
    expect(blockDecisionProblem(true, 'admitted', '主管电话同意')).toBeUndefined()
    expect(blockDecisionProblem(true, 'refused', undefined)).toBeUndefined()
    expect(blockDecisionProblem(false, 'admitted', undefined)).toBeUndefined()
  })
  it('a refusal for the list says so, within the reason field', () => {
    expect(blockRefusalReason('欠费纠纷')).toBe('黑名单：欠费纠纷')
    expect(blockRefusalReason('长'.repeat(200))).toHaveLength(100)
  })
})

describe('goods', () => {
  it('released only with every check done, each gap named; refused only with a reason', () => {
    expect(goodsDecisionProblem({ ...CHECKS, passId: 'g', result: 'released' })).toBeUndefined()
    const gaps = goodsDecisionProblem({ ...CHECKS, stampOk: false, lorry: true, result: 'released' })
    expect(gaps?.field).toBe('result')
    expect(gaps?.message).toBe('放行：没有放行条的物品不能放行；未加盖管理中心印章；货车未开箱检查，不能放行')
    expect(goodsDecisionProblem({ ...CHECKS, slipNo: 'ZJ-1', result: 'released' })).toBeUndefined()
    expect(goodsDecisionProblem({ ...CHECKS, result: 'refused' })?.field).toBe('reason')
    expect(
      goodsDecisionProblem({ ...CHECKS, signatureOk: false, result: 'refused', reason: '签名无效' })
    ).toBeUndefined()
  })
  it('a slip is for one local day of its estate, and used once', () => {
    const today = localDate(NOW)
    const p = { estateId: 'e1', status: 'issued' as const, date: today }
    expect(goodsSlipProblem(p, 'e1', NOW)).toBeUndefined()
    expect(goodsSlipProblem(p, 'e2', NOW)).toBe('这张放行条不是本小区的')
    expect(goodsSlipProblem({ ...p, status: 'released' }, 'e1', NOW)).toBe('这张放行条已放行过')
    expect(goodsSlipProblem({ ...p, status: 'refused' }, 'e1', NOW)).toBe('这张放行条已被拒绝')
    expect(goodsSlipProblem({ ...p, status: 'revoked' }, 'e1', NOW)).toBe('这张放行条已作废')
    const tomorrow = localDate(NOW + DAY_MS)
    expect(goodsSlipProblem({ ...p, date: tomorrow }, 'e1', NOW)).toBe(`放行条日期是 ${tomorrow}，还没到日期`)
    expect(goodsSlipProblem(p, 'e1', NOW + DAY_MS)).toBe(`放行条日期是 ${today}，已过期`)
    // 23:59 and 00:00 in the estate, not in UTC
    const midnight = Date.UTC(2026, 10, 23, 16)
    expect(goodsSlipProblem({ ...p, date: '2026-11-23' }, 'e1', midnight - 1)).toBeUndefined()
    expect(goodsSlipProblem({ ...p, date: '2026-11-23' }, 'e1', midnight)).toMatch(/已过期/)
    expect(goodsIssueProblem(localDate(NOW - DAY_MS), NOW)?.field).toBe('date')
    expect(goodsIssueProblem(today, NOW)).toBeUndefined()
  })
})

describe('desk and supervisor entries', () => {
  it('a pass window runs forwards, at most 31 days, and is not over', () => {
    expect(passWindowProblem(NOW, NOW + H, NOW)).toBeUndefined()
    expect(passWindowProblem(NOW, NOW, NOW)?.message).toBe('有效期：结束时间应晚于开始时间')
    expect(passWindowProblem(NOW, NOW + PASS_MAX_DAYS * DAY_MS, NOW)).toBeUndefined()
    expect(passWindowProblem(NOW, NOW + PASS_MAX_DAYS * DAY_MS + 1, NOW)?.message).toBe('有效期：最长31天')
    expect(passWindowProblem(NOW - 3 * H, NOW - H, NOW)?.message).toBe('有效期：已经过去了')
  })
  it('a block entry can be matched: a plate, or a person by more than the last four', () => {
    expect(blockEntryProblem({ kind: 'plate' })?.field).toBe('plate')
    expect(blockEntryProblem({ kind: 'plate', plate: '粤B12345' })).toBeUndefined()
    expect(blockEntryProblem({ kind: 'person', idLast4: '1234' })?.message).toBe(
      '人员：只有证件后四位无法比对，请同时填写姓名'
    )
    expect(blockEntryProblem({ kind: 'person' })?.message).toBe('人员：姓名、手机号、证件号至少填一项')
    expect(blockEntryProblem({ kind: 'person', phone: '13700001111' })).toBeUndefined()
    expect(blockEntryProblem({ kind: 'person', idHash: 'h' })).toBeUndefined()
  })
  it('a permit ends on or after its start', () => {
    expect(permitDatesProblem(NOW, NOW)).toBeUndefined()
    expect(permitDatesProblem(NOW, NOW - 1)?.field).toBe('validTo')
  })
})

describe('vehicle exits', () => {
  it('a second exit of a plate within ten minutes repeats the first', () => {
    expect(isRepeatedExit(undefined, NOW)).toBe(false)
    expect(isRepeatedExit(NOW - RECENT_EXIT_MS + 1, NOW)).toBe(true)
    expect(isRepeatedExit(NOW - RECENT_EXIT_MS, NOW)).toBe(false)
  })
})

describe('the day log', () => {
  it('the estate’s day, narrowed by HH:mm with the `to` minute included', () => {
    const start = Date.UTC(2026, 10, 22, 16) // 2026-11-23 00:00 in the estate
    expect(logRange('2026-11-23')).toEqual({ dayStart: start, gte: start, lt: start + DAY_MS })
    expect(logRange('2026-11-23', '08:00', '08:59')).toEqual({
      dayStart: start,
      gte: start + 8 * H,
      lt: start + 9 * H
    })
    expect(logRange('2026-11-23', '12:00', '11:00')).toEqual({
      field: 'to',
      message: '时间：结束时间应晚于开始时间'
    })
    expect(logRange('2026-13-45')).toEqual({ field: 'date', message: '日期：不是有效的日期' })
  })
  it('hours cut to the range; hours outside it are empty', () => {
    const start = Date.UTC(2026, 10, 22, 16)
    const hs = hourRanges(start, start + 8 * H + 30 * 60_000, start + 10 * H)
    expect(hs).toHaveLength(24)
    expect(hs[7]).toBeNull()
    expect(hs[8]).toEqual({ gte: start + 8.5 * H, lt: start + 9 * H })
    expect(hs[9]).toEqual({ gte: start + 9 * H, lt: start + 10 * H })
    expect(hs[10]).toBeNull()
  })
  it('CSV cells: quoted when needed; formulas become text', () => {
    expect(csvCell('王小明')).toBe('王小明')
    expect(csvCell(12)).toBe('12')
    expect(csvCell('王,"小"明')).toBe('"王,""小""明"')
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    for (const lead of ['+', '-', '@']) expect(csvCell(`${lead}1`)).toBe(`'${lead}1`)
  })
})
