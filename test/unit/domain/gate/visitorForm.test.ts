import { hashIdNumber } from '../../../../src/domain/gate/idcard'
import type { VisitorFromScript } from '../../../../src/domain/gate/fromScript'
import { buildCheckIn, findPermit, type WalkInForm } from '../../../../src/domain/gate/visitorForm'

const NOW = Date.UTC(2026, 10, 24, 2)
const DAY = 86400_000
const refs = {
  idSalt: 'estate-salt',
  permits: [
    {
      id: 'p1',
      no: 'SG2026001',
      holderName: '钱师傅',
      idLast4: '002X',
      company: '美居装饰',
      room: '3-2-501',
      validFrom: NOW - 30 * DAY,
      validTo: NOW + 30 * DAY
    },
    {
      id: 'p2',
      no: 'SG2026002',
      holderName: '孙师傅',
      idLast4: '1234',
      company: '',
      room: '2-1-302',
      validFrom: NOW - 30 * DAY,
      validTo: NOW - DAY
    }
  ]
}
const form: WalkInForm = {
  name: '王小明',
  phone: '',
  idType: 'none',
  idNo: '',
  cardNo: '',
  people: 1,
  byCar: false,
  plate: '',
  room: '',
  company: '',
  contact: '',
  days: 1,
  permitNo: '',
  reason: ''
}
const guest: VisitorFromScript = {
  case: 'ownerGuest',
  result: 'admitted',
  room: '1-1-101',
  appointment: 'yes',
  hostCall: 'agreed',
  idDeposited: true,
  cardIssued: true
}
const longTerm: VisitorFromScript = {
  case: 'construction',
  result: 'admitted',
  idDeposited: false,
  cardIssued: false,
  constructionKind: 'longTerm'
}
const problem = (r: ReturnType<typeof buildCheckIn>) => ('problem' in r ? r.problem : undefined)

describe('the walk-in record form', () => {
  it('keeps the script answers and sends only type, last four and a salted hash of the ID', () => {
    const r = buildCheckIn(
      guest,
      {
        ...form,
        name: ' 王小明 ',
        phone: '13912345678',
        idType: 'idcard',
        idNo: '11010519491231002x',
        cardNo: 'F-07',
        people: 3,
        room: '1-1-101'
      },
      refs,
      NOW
    )
    expect(r).toEqual({
      source: 'walkin',
      case: 'ownerGuest',
      name: '王小明',
      phone: '13912345678',
      idDoc: { type: 'idcard', last4: '002X', hash: hashIdNumber('11010519491231002X', 'estate-salt') },
      idDeposited: true,
      cardNo: 'F-07',
      people: 3,
      plate: undefined,
      room: '1-1-101',
      company: undefined,
      contact: undefined,
      appointment: 'yes',
      hostCall: 'agreed',
      construction: undefined,
      result: 'admitted',
      reason: undefined
    })
    expect(JSON.stringify(r)).not.toContain('11010519491231002')
  })

  it('refuses what the server would refuse, with the reason in Chinese', () => {
    expect(problem(buildCheckIn(guest, { ...form, name: ' ' }, refs, NOW))).toMatch(/姓名/)
    expect(
      problem(buildCheckIn(guest, { ...form, idType: 'idcard', idNo: '110105194912310021' }, refs, NOW))
    ).toMatch(/校验/)
    expect(
      problem(buildCheckIn(guest, { ...form, idType: 'idcard', idNo: '11010519491231002X' }, undefined, NOW))
    ).toMatch(/联网/)
    expect(problem(buildCheckIn(guest, { ...form, byCar: true, plate: '粤B1234' }, refs, NOW))).toBeDefined()
    expect(buildCheckIn(guest, { ...form, byCar: true, plate: '粤BD12345' }, refs, NOW)).toMatchObject({
      plate: '粤BD12345'
    })
    // by car switched off: a half-typed plate is not sent
    expect(buildCheckIn(guest, { ...form, byCar: false, plate: '粤B1' }, refs, NOW)).toMatchObject({
      plate: undefined
    })
  })

  it('a refused visitor needs a reason; one sent to the clubhouse does not', () => {
    const refused: VisitorFromScript = {
      case: 'canvassing',
      result: 'refused',
      idDeposited: false,
      cardIssued: false
    }
    expect(problem(buildCheckIn(refused, form, refs, NOW))).toBe('请写明未放行的原因')
    expect(buildCheckIn(refused, { ...form, reason: '推销人员' }, refs, NOW)).toMatchObject({
      result: 'refused',
      reason: '推销人员',
      people: 1
    })
    const viewing: VisitorFromScript = {
      case: 'viewing',
      result: 'redirected',
      idDeposited: false,
      cardIssued: false
    }
    expect(buildCheckIn(viewing, form, refs, NOW)).toMatchObject({ result: 'redirected', reason: undefined })
  })

  it('temporary construction: at most three days, the pass number is the card', () => {
    const temp: VisitorFromScript = {
      case: 'construction',
      result: 'admitted',
      idDeposited: true,
      cardIssued: true,
      constructionKind: 'temporary'
    }
    expect(buildCheckIn(temp, { ...form, days: 3, cardNo: 'LS-9' }, refs, NOW)).toMatchObject({
      construction: { kind: 'temporary', days: 3, tempPassNo: 'LS-9' }
    })
    expect(problem(buildCheckIn(temp, { ...form, days: 4 }, refs, NOW))).toMatch(/最长3天/)
  })

  it('long-term construction: the cached permit must exist, be valid now and belong to this person', () => {
    expect(findPermit(refs, ' sg2026001 ')?.id).toBe('p1')
    expect(problem(buildCheckIn(longTerm, form, refs, NOW))).toMatch(/许可证编号/)
    expect(problem(buildCheckIn(longTerm, { ...form, permitNo: 'SG9' }, refs, NOW))).toMatch(/没有编号为 SG9/)
    expect(problem(buildCheckIn(longTerm, { ...form, permitNo: 'SG2026002' }, refs, NOW))).toMatch(/已过期/)
    // valid when the refs were read, expired by now: the phone's clock decides, not the cached flag
    expect(problem(buildCheckIn(longTerm, { ...form, permitNo: 'SG2026001' }, refs, NOW + 31 * DAY))).toMatch(
      /已过期/
    )
    expect(
      problem(
        buildCheckIn(
          longTerm,
          { ...form, permitNo: 'SG2026001', idType: 'idcard', idNo: '11010519491231002X' },
          refs,
          NOW
        )
      )
    ).toBeUndefined()
    expect(
      problem(
        buildCheckIn(
          longTerm,
          { ...form, permitNo: 'SG2026001', idType: 'passport', idNo: 'E12345678' },
          refs,
          NOW
        )
      )
    ).toMatch(/持证人 钱师傅/)
    expect(buildCheckIn(longTerm, { ...form, permitNo: 'SG2026001' }, refs, NOW)).toMatchObject({
      construction: { kind: 'longTerm', permitNo: 'SG2026001' }
    })
    // refused at the gate (expired permit): recorded with the reason, no permit check
    expect(
      buildCheckIn(
        { ...longTerm, result: 'refused', reason: '施工证过期或不是本人的证件' },
        { ...form, permitNo: 'SG2026002', reason: '施工证过期或不是本人的证件' },
        refs,
        NOW
      )
    ).toMatchObject({
      result: 'refused',
      construction: { kind: 'longTerm', permitNo: 'SG2026002' }
    })
  })
})

describe('the room of a walk-in', () => {
  const rooms = new Set(['1-1-101', '1-1-102', '5-101'])
  const walkIn = (room: string, s: VisitorFromScript = guest, reason = '') =>
    buildCheckIn(s, { ...form, room, reason }, refs, NOW, rooms)

  it('one of the estate’s rooms on the phone, as the app writes it', () => {
    expect(walkIn(' 1-1-101 ')).toMatchObject({ room: '1-1-101' })
    expect(walkIn('５-１０１')).toMatchObject({ room: '5-101' })
  })
  it('a room the estate does not have is stopped on the phone before it is queued', () => {
    expect(problem(walkIn('9-9-999'))).toMatch(/本小区没有这个房号/)
  })
  it('no rooms on the phone (none imported): as typed', () => {
    expect(buildCheckIn(guest, { ...form, room: '9栋 3楼' }, refs, NOW)).toMatchObject({ room: '9栋3楼' })
  })
  it('a visitor not let in keeps the room they named', () => {
    const refused: VisitorFromScript = { ...guest, result: 'refused', reason: '业主不在家' }
    expect(walkIn('9-9-999', refused, '业主不在家')).toMatchObject({ room: '9-9-999', result: 'refused' })
  })
})
