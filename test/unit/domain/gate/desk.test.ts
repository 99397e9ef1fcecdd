/** The desk's rules: a pass's window in estate time, read out, the two forms as typed, and the recent lists' lines. */
import {
  goodsFormInput,
  goodsSlipRow,
  passRow,
  passFormInput,
  passWindow,
  windowText,
  type GoodsForm,
  type PassForm
} from '../../../../src/domain/gate/desk'

const T0 = Date.UTC(2026, 10, 23, 1, 0, 0) // 2026-11-23 09:00 in China

describe('passWindow (estate time, China +08:00)', () => {
  it('today runs from now to 23:59:59, tomorrow is all of tomorrow, 3天内 ends the day after tomorrow', () => {
    // T0 is 2026-11-23 09:00 in China
    expect(passWindow('today', T0)).toEqual({
      validFrom: T0,
      validTo: Date.parse('2026-11-23T23:59:59.999+08:00')
    })
    expect(passWindow('tomorrow', T0)).toEqual({
      validFrom: Date.parse('2026-11-24T00:00:00+08:00'),
      validTo: Date.parse('2026-11-24T23:59:59.999+08:00')
    })
    expect(passWindow('three', T0)).toEqual({
      validFrom: T0,
      validTo: Date.parse('2026-11-25T23:59:59.999+08:00')
    })
    // 23:30 UTC is already the next day in China
    const late = Date.parse('2026-11-23T23:30:00Z')
    expect(passWindow('today', late).validTo).toBe(Date.parse('2026-11-24T23:59:59.999+08:00'))
  })

  it('reads the window out with its days, in the future as well as the past', () => {
    expect(windowText(passWindow('today', T0), T0)).toBe('今天 09:00 至 今天 23:59')
    expect(windowText(passWindow('tomorrow', T0), T0)).toBe('明天 00:00 至 明天 23:59')
    expect(windowText(passWindow('three', T0), T0)).toBe('今天 09:00 至 后天 23:59')
    const later = T0 + 4 * 86_400_000
    expect(windowText(passWindow('today', T0), later)).toBe('11月23日 09:00 至 11月23日 23:59')
    expect(windowText(passWindow('tomorrow', T0), T0 + 86_400_000)).toBe('今天 00:00 至 今天 23:59')
  })
})

describe('passFormInput', () => {
  const form: PassForm = {
    name: ' 李四 ',
    phone: '',
    room: ' 2-1-302 ',
    people: 2,
    plate: '',
    when: 'today',
    note: ' '
  }

  it('needs a name, then a room, then a plate that is a plate (in that order)', () => {
    expect(passFormInput({ ...form, name: ' ', room: '' }, T0)).toEqual({
      ok: false,
      problem: '请填写访客姓名'
    })
    expect(passFormInput({ ...form, room: ' ' }, T0)).toEqual({ ok: false, problem: '请填写拜访的房号' })
    const bad = passFormInput({ ...form, plate: '粤B12' }, T0)
    expect(bad.ok).toBe(false)
    expect(!bad.ok && bad.problem).toMatch(/车牌/)
  })

  it('makes the input: trimmed, blanks left out, the plate normalised, the window from the chip and the clock', () => {
    expect(passFormInput(form, T0)).toEqual({
      ok: true,
      input: {
        visitorName: '李四',
        visitorPhone: undefined,
        room: '2-1-302',
        people: 2,
        plate: undefined,
        note: undefined,
        ...passWindow('today', T0)
      }
    })
    const r = passFormInput(
      { ...form, phone: ' 13812345678 ', plate: '粤b 12345', when: 'tomorrow', note: '送花' },
      T0
    )
    expect(r.ok && r.input).toMatchObject({
      visitorPhone: '13812345678',
      plate: '粤B12345',
      note: '送花',
      validFrom: Date.parse('2026-11-24T00:00:00+08:00')
    })
  })
})

describe('goodsFormInput', () => {
  const form: GoodsForm = {
    kind: 'contractor',
    name: ' 美家装修 ',
    room: '1-1-101',
    items: [
      { name: ' 旧瓷砖 ', qty: 40 },
      { name: '  ', qty: 3 }
    ],
    signer: '周主管',
    day: 'today',
    note: ''
  }

  it('asks for holder, room, at least one item and the signer, in that order', () => {
    expect(goodsFormInput({ ...form, name: '', room: '', signer: '' }, T0)).toEqual({
      ok: false,
      problem: '请填写业主或施工单位'
    })
    expect(goodsFormInput({ ...form, room: ' ', signer: '' }, T0)).toEqual({
      ok: false,
      problem: '请填写房号'
    })
    expect(goodsFormInput({ ...form, items: [{ name: ' ', qty: 1 }], signer: '' }, T0)).toEqual({
      ok: false,
      problem: '请填写至少一种物品'
    })
    expect(goodsFormInput({ ...form, signer: ' ' }, T0)).toEqual({ ok: false, problem: '请填写授权签字人' })
  })

  it('drops blank item lines and dates the slip today or tomorrow in estate time', () => {
    expect(goodsFormInput(form, T0)).toEqual({
      ok: true,
      input: {
        holderKind: 'contractor',
        holderName: '美家装修',
        room: '1-1-101',
        items: [{ name: '旧瓷砖', qty: 40 }],
        signer: '周主管',
        date: '2026-11-23',
        note: undefined
      }
    })
    // 23:30 UTC on the 23rd is already the 24th in China; tomorrow is the 25th
    const late = Date.parse('2026-11-23T23:30:00Z')
    const r = goodsFormInput({ ...form, day: 'tomorrow' }, late)
    expect(r.ok && r.input.date).toBe('2026-11-25')
  })
})

describe('the recent lists: passRow and goodsSlipRow', () => {
  const pass = {
    id: 'p1',
    code: '123456',
    visitorName: '王五',
    people: 2,
    room: '2-1-302',
    visitorPhone: '13912345678',
    plate: '粤B12345',
    validFrom: T0,
    validTo: Date.parse('2026-11-23T23:59:59.999+08:00'),
    status: 'active' as const
  }
  it('a pass: code and who (with how many), room, masked phone, plate, window; voidable only while active', () => {
    const r = passRow(pass, T0)
    expect(r).toEqual({
      id: 'p1',
      title: '123456  王五 等2人',
      sub: expect.stringMatching(/^2-1-302 · 139\*+5678 · 粤B·?12345 · 今天 09:00 至 今天 23:59$/),
      status: '有效',
      revocable: true
    })
    expect(passRow({ ...pass, people: 1, visitorPhone: undefined, plate: undefined }, T0)).toMatchObject({
      title: '123456  王五',
      sub: '2-1-302 · 今天 09:00 至 今天 23:59'
    })
    expect(passRow({ ...pass, status: 'used' }, T0)).toMatchObject({ status: '已使用', revocable: false })
    expect(passRow({ ...pass, status: 'revoked' }, T0)).toMatchObject({ status: '已作废', revocable: false })
  })
  it('a goods slip: code and holder, room, the items with counts, the day; voidable only while issued', () => {
    const g = {
      id: 'g1',
      code: '654321',
      holderName: '陈先生',
      room: '1-1-101',
      items: [
        { name: '沙发', qty: 1 },
        { name: '纸箱', qty: 3 }
      ],
      date: '2026-11-23',
      status: 'issued' as const
    }
    expect(goodsSlipRow(g)).toEqual({
      id: 'g1',
      title: '654321  陈先生',
      sub: '1-1-101 · 沙发×1、纸箱×3 · 2026-11-23',
      status: '待出门',
      revocable: true
    })
    expect(goodsSlipRow({ ...g, status: 'released' })).toMatchObject({ status: '已放行', revocable: false })
    expect(goodsSlipRow({ ...g, status: 'refused' })).toMatchObject({ status: '已拒绝', revocable: false })
    expect(goodsSlipRow({ ...g, status: 'revoked' })).toMatchObject({ status: '已作废', revocable: false })
  })
})
