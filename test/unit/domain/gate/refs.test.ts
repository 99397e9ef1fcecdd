/** The supervisor's gate reference forms: block list, owner cars, permits and their dates. */
import {
  blockFormProblem,
  ownerCarProblem,
  permitFormProblem,
  permitWindow,
  plusDays,
  type BlockForm
} from '../../../../src/domain/gate/refs'

const person: BlockForm = {
  kind: 'person',
  name: '',
  phone: '',
  idNumber: '',
  idLast4: '',
  plate: '',
  reason: '闹事'
}

describe('blockFormProblem', () => {
  it('always needs a reason', () => {
    expect(blockFormProblem({ ...person, name: '王五', reason: ' ' })).toBe('请写明原因')
    expect(blockFormProblem({ ...person, kind: 'plate', plate: '粤B12345', reason: '' })).toBe('请写明原因')
  })
  it('a person needs something to match on: any one of name, phone, ID number or its last four', () => {
    expect(blockFormProblem(person)).toBe('姓名、手机号、证件号至少填一项')
    for (const k of ['name', 'phone', 'idNumber', 'idLast4'] as const)
      expect(blockFormProblem({ ...person, [k]: 'x' })).toBeUndefined()
  })
  it('a plate must be a plate (typed loosely is fine)', () => {
    expect(blockFormProblem({ ...person, kind: 'plate', plate: '粤b 12345' })).toBeUndefined()
    expect(blockFormProblem({ ...person, kind: 'plate', plate: '12' })).toMatch(/车牌/)
  })
})

describe('ownerCarProblem', () => {
  it('a valid plate first, then the room', () => {
    expect(ownerCarProblem('粤B1', '')).toMatch(/车牌/)
    expect(ownerCarProblem('粤B12345', ' ')).toBe('请填写房号')
    expect(ownerCarProblem('粤B12345', '1-1-101')).toBeUndefined()
  })
})

describe('permits', () => {
  const f = { no: 'SG-01', holderName: '赵六', idLast4: '123x', company: '美家装修', room: '1-1-101' }
  it('every field is needed, and four letters or digits of the ID', () => {
    expect(permitFormProblem(f)).toBeUndefined()
    expect(permitFormProblem({ ...f, company: ' ' })).toBe('编号、持证人、施工单位、房号都要填写')
    expect(permitFormProblem({ ...f, idLast4: '12' })).toBe('证件号后四位应为4位')
    expect(permitFormProblem({ ...f, idLast4: '12-4' })).toBe('证件号后四位应为4位')
  })

  it('holds from the first day’s start to the last day’s end in estate time, and not in the past', () => {
    expect(permitWindow('2026-11-23', '2026-11-30', '2026-11-23')).toEqual({
      ok: true,
      validFrom: Date.parse('2026-11-23T00:00:00+08:00'),
      validTo: Date.parse('2026-12-01T00:00:00+08:00') - 1
    })
    expect(permitWindow('2026-11-23', '2026-11-22', '2026-11-20')).toEqual({
      ok: false,
      problem: '有效期：结束日期应不早于开始日期'
    })
    expect(permitWindow('2026-11-01', '2026-11-22', '2026-11-23')).toEqual({
      ok: false,
      problem: '有效期已经过去了'
    })
    expect(permitWindow('', '2026-11-22', '2026-11-23')).toEqual({ ok: false, problem: '请选择有效期' })
    // ending today is still fine
    expect(permitWindow('2026-11-01', '2026-11-23', '2026-11-23').ok).toBe(true)
  })

  it('plusDays counts estate dates across months', () => {
    expect(plusDays('2026-11-23', 30)).toBe('2026-12-23')
    expect(plusDays('2026-12-31', 1)).toBe('2027-01-01')
  })
})
