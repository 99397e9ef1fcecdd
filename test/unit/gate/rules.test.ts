import { PROVINCES, formatPlate, normalizePlate, plateKind, plateProblem } from '../../../src/domain/gate/plates'
import { describeId, hashIdNumber, idCardProblem, idRef } from '../../../src/domain/gate/idcard'
import {
  DAY_MS,
  GOODS_PASS,
  PASS,
  VEHICLE,
  VISITOR,
  isOverstay,
  passCode,
  passProblem,
  permitProblem,
  step,
  tempPassExpiry
} from '../../../src/domain/gate/machines'
import { blockMatches } from '../../../src/domain/gate/block'
import { parseQr, qrText } from '../../../src/domain/gate/qr'
import { vehicleFromAnswers, visitorFromAnswers } from '../../../src/domain/gate/fromScript'
import { outcome, requireScript, walk } from '../../../src/domain/scripts'

describe('plates', () => {
  it('accepts ordinary, new-energy small and large, and special suffixes', () => {
    expect(plateKind('粤B12345')).toBe('ordinary')
    expect(plateKind('粤BD12345')).toBe('newEnergy')
    expect(plateKind('粤BFA1234')).toBe('newEnergy')
    expect(plateKind('粤BF1A234')).toBeUndefined()
    expect(plateKind('粤B12345D')).toBe('newEnergy')
    expect(plateKind('粤B1234学')).toBe('ordinary')
    expect(plateKind('京A1234警')).toBe('ordinary')
    for (const p of PROVINCES) expect(plateProblem(`${p}A12345`)).toBeUndefined()
  })
  it('normalises what a guard types', () => {
    expect(normalizePlate(' 粤b·123 45 ')).toBe('粤B12345')
    expect(formatPlate('粤b12345')).toBe('粤B·12345')
    expect(plateProblem('粤b-12345')).toBeUndefined()
  })
  it('explains each mistake in Chinese', () => {
    expect(plateProblem('')).toBe('请填写车牌号')
    expect(plateProblem('AB12345')).toMatch(/省份/)
    expect(plateProblem('粤112345')).toMatch(/第二位应为字母/)
    expect(plateProblem('粤B1O345')).toMatch(/没有字母 I 和 O/)
    expect(plateProblem('粤BI2345')).toMatch(/没有字母 I 和 O/)
    expect(plateProblem('粤B1234')).toMatch(/位数不够/)
    expect(plateProblem('粤B1234567')).toMatch(/太多/)
    expect(plateProblem('粤BA12345')).toMatch(/新能源车牌格式不正确/)
  })
})

describe('ID numbers', () => {
  const VALID = '11010519491231002X'
  it('checks length, birth date and the check digit', () => {
    expect(idCardProblem(VALID)).toBeUndefined()
    expect(idCardProblem(VALID.toLowerCase())).toBeUndefined()
    expect(idCardProblem('11010519491231002')).toMatch(/18位/)
    expect(idCardProblem('110105194902300021')).toMatch(/出生日期/)
    expect(idCardProblem('110105194912310021')).toMatch(/校验位/)
  })
  it('keeps type, last four and a salted hash: never the number', () => {
    const r = idRef('idcard', VALID, 'salt-a')
    expect(r).toEqual({ type: 'idcard', last4: '002X', hash: hashIdNumber(VALID, 'salt-a') })
    expect(JSON.stringify(r)).not.toContain('110105')
    expect(hashIdNumber(VALID, 'salt-a')).toMatch(/^[0-9a-f]{64}$/)
    expect(hashIdNumber(VALID, 'salt-a')).toBe(hashIdNumber(` ${VALID.toLowerCase()} `, 'salt-a'))
    expect(hashIdNumber(VALID, 'salt-a')).not.toBe(hashIdNumber(VALID, 'salt-b'))
    expect(idRef('idcard', '123', 's')).toEqual({ problem: '身份证号应为18位（最后一位可以是X）' })
    expect(idRef('passport', 'E1234567', 's')).toMatchObject({ type: 'passport', last4: '4567' })
    expect(idRef('passport', '12', 's')).toEqual({ problem: '证件号码格式不正确' })
    expect(idRef('none', undefined, 's')).toEqual({ type: 'none', last4: '' })
    expect(describeId({ type: 'idcard', last4: '002X' })).toBe('身份证 ····002X')
    expect(describeId(undefined)).toBe('未出示证件')
  })
})

describe('state machines', () => {
  it('allow only the listed starting states, with the reason otherwise', () => {
    expect(step(VISITOR.checkOut, 'inside')).toEqual({ ok: true, to: 'left' })
    expect(step(VISITOR.checkOut, 'left')).toEqual({ ok: false, reason: '这位访客已离开，不能再登记离开' })
    expect(step(VISITOR.checkOut, 'refused')).toMatchObject({ ok: false })
    expect(step(VEHICLE.exit, 'inside')).toEqual({ ok: true, to: 'left' })
    expect(step(VEHICLE.exit, 'left')).toEqual({ ok: false, reason: '这辆车已出场，不能再登记出场' })
    expect(step(PASS.use, 'active')).toEqual({ ok: true, to: 'used' })
    expect(step(PASS.use, 'used')).toEqual({ ok: false, reason: '这张通行证已使用' })
    expect(step(PASS.revoke, 'used')).toMatchObject({ ok: false })
    expect(step(GOODS_PASS.release, 'issued')).toEqual({ ok: true, to: 'released' })
    expect(step(GOODS_PASS.refuse, 'released')).toEqual({ ok: false, reason: '这张放行条已放行' })
    expect(step(GOODS_PASS.revoke, 'refused')).toMatchObject({ ok: false })
  })
  it('passes: window, state and estate', () => {
    const p = { status: 'active' as const, estateId: 'e1', validFrom: 1000, validTo: 2000 }
    expect(passProblem(p, 'e1', 1500)).toBeUndefined()
    expect(passProblem(p, 'e1', 999)).toBe('还没到通行证的有效时间')
    expect(passProblem(p, 'e1', 2001)).toBe('通行证已过期')
    expect(passProblem(p, 'e2', 1500)).toBe('这张通行证不是本小区的')
    expect(passProblem({ ...p, status: 'used' }, 'e1', 1500)).toBe('这张通行证已使用')
    expect(passProblem({ ...p, status: 'revoked' }, 'e1', 1500)).toBe('这张通行证已作废')
  })
  it('construction: permits and temporary passes of at most three days', () => {
    expect(permitProblem({ validFrom: 0, validTo: 10 }, 5)).toBeUndefined()
    expect(permitProblem({ validFrom: 0, validTo: 10 }, 11)).toMatch(/已过期/)
    expect(permitProblem({ validFrom: 5, validTo: 10 }, 1)).toMatch(/还没有生效/)
    expect(permitProblem({ validFrom: 10, validTo: 5 }, 7)).toMatch(/有效期不正确/)
    expect(tempPassExpiry(0, 3)).toBe(3 * DAY_MS)
    expect(tempPassExpiry(0, 4)).toEqual({ problem: '临时施工证最长3天，超过3天请办理长期施工许可' })
    expect(tempPassExpiry(0, 0)).toEqual({ problem: '临时施工证至少1天' })
  })
  it('overstay after the limit, not at it', () => {
    expect(isOverstay(0, 4 * 3600_000)).toBe(false)
    expect(isOverstay(0, 4 * 3600_000 + 1)).toBe(true)
    expect(isOverstay(0, 2 * 3600_000 + 1, 2 * 3600_000)).toBe(true)
  })
  it('pass codes are six digits that do not start with 0', () => {
    expect(passCode(() => 0)).toBe('100000')
    expect(passCode(() => 0.999999)).toBe('999999')
    for (let i = 0; i < 200; i++) expect(passCode(Math.random)).toMatch(/^[1-9]\d{5}$/)
  })
})

describe('block list', () => {
  const rules = [
    { id: 'p1', kind: 'person' as const, name: '刘某', phone: '137****1111', reason: '冒充快递' },
    { id: 'p2', kind: 'person' as const, name: '张三', idLast4: '002X', reason: '盗窃' },
    { id: 'p3', kind: 'person' as const, idHash: 'h1', reason: '纠纷' },
    { id: 'c1', kind: 'plate' as const, plate: '粤A66666', reason: '欠费' }
  ]
  it('matches by ID hash, plate, (masked) phone, name with last four', () => {
    expect(blockMatches(rules, { idHash: 'h1' })).toEqual([{ entryId: 'p3', kind: 'person', matchedBy: '证件号', reason: '纠纷' }])
    expect(blockMatches(rules, { plate: '粤a·66666' })[0]).toMatchObject({ entryId: 'c1', matchedBy: '车牌' })
    expect(blockMatches(rules, { phone: '13700001111' })[0]).toMatchObject({ entryId: 'p1', matchedBy: '手机号' })
    expect(blockMatches(rules, { phone: '13800001111' })).toEqual([])
    expect(blockMatches(rules, { name: '张三', idLast4: '002x' })[0]).toMatchObject({ entryId: 'p2', matchedBy: '姓名和证件后四位' })
    expect(blockMatches(rules, { name: '张三', idLast4: '1234' })).toEqual([])
    expect(blockMatches(rules, { name: '刘某' })[0]).toMatchObject({ entryId: 'p1', matchedBy: '姓名' })
  })
  it('ranks the strongest evidence first', () => {
    const hits = blockMatches(rules, { name: '刘某', idHash: 'h1', plate: '粤A66666' })
    expect(hits.map((h) => h.matchedBy)).toEqual(['证件号', '车牌', '姓名'])
  })
})

describe('QR text', () => {
  it('round-trips and refuses the wrong kind', () => {
    expect(parseQr(qrText('visitorPass', '123456'), 'visitorPass')).toEqual({ code: '123456' })
    expect(parseQr(' 654321 ', 'goodsPass')).toEqual({ code: '654321' })
    expect(parseQr(qrText('goodsPass', '123456'), 'visitorPass')).toEqual({ problem: '这是物品放行条的码，不是访客通行证' })
    expect(parseQr('https://example.com', 'goodsPass')).toEqual({ problem: '这不是本系统的通行码' })
  })
})

describe('script answers become the record', () => {
  it('visitor case B admitted with the ID deposited', () => {
    const script = requireScript('gate.visitor')
    const s = walk(script, ['B 访客找业主', '已约好', 'next', '业主同意', '已押证登记、发来访卡'], 0, { room: '1-1-101' })
    expect(visitorFromAnswers(outcome(script, s, 1).answers)).toEqual({
      case: 'B',
      result: 'admitted',
      reason: undefined,
      room: '1-1-101',
      appointment: 'yes',
      hostCall: 'agreed',
      idDeposited: true,
      cardIssued: true,
      constructionKind: undefined
    })
  })
  it('a salesman refused, with the reason', () => {
    const script = requireScript('gate.visitor')
    const s = walk(script, ['D 推销、业务等闲杂人员', '证实是推销人员', '已婉转谢绝'], 0)
    expect(visitorFromAnswers(s.answers)).toMatchObject({ case: 'D', result: 'refused', reason: '推销人员', idDeposited: false })
  })
  it('an unfinished run is not a record', () => {
    expect(() => visitorFromAnswers({ case: 'B' })).toThrow()
    expect(() => visitorFromAnswers({})).toThrow()
  })
  it('a delivery vehicle admitted with an IC card', () => {
    const script = requireScript('gate.vehicle')
    const labels = script.steps['visitor.stop'].branches!.map((b) => b.label)
    expect(labels).toContain('帮业主送货')
    const a = { vehicleCase: 'delivery', deliverTo: '2-1-302', idDeposited: 'yes', icCardIssued: 'yes', result: 'admitted', plate: '粤B88888' }
    expect(vehicleFromAnswers(a)).toMatchObject({ case: 'delivery', deliverTo: '2-1-302', idDeposited: true, icCardIssued: true, result: 'admitted', plate: '粤B88888' })
    expect(() => vehicleFromAnswers({ vehicleCase: 'x' })).toThrow()
  })
})
