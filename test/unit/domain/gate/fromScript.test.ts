import { vehicleFromAnswers, visitorFromAnswers } from '../../../../src/domain/gate/fromScript'
import { outcome, requireScript, walk } from '../../../../src/domain/scripts'

describe('script answers become the record', () => {
  it('visitor case B admitted with the ID deposited', () => {
    const script = requireScript('gate.visitor')
    const s = walk(script, ['B 访客找业主', '已约好', '业主同意', '已押证登记、发来访卡'], 0, {
      room: '1-1-101'
    })
    expect(visitorFromAnswers(outcome(script, s, 1).answers)).toEqual({
      case: 'ownerGuest',
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
    expect(visitorFromAnswers(s.answers)).toMatchObject({
      case: 'canvassing',
      result: 'refused',
      reason: '推销人员',
      idDeposited: false
    })
  })
  it("the SOP's letters A-E become the case words; an unknown case is not a record", () => {
    const end = { result: 'refused', reason: 'x' }
    expect(['A', 'B', 'C', 'D', 'E'].map((c) => visitorFromAnswers({ ...end, case: c }).case)).toEqual([
      'business',
      'ownerGuest',
      'viewing',
      'canvassing',
      'construction'
    ])
    expect(visitorFromAnswers({ ...end, case: 'construction' }).case).toBe('construction')
    expect(() => visitorFromAnswers({ ...end, case: 'F' })).toThrow()
  })
  it('an unfinished run is not a record', () => {
    expect(() => visitorFromAnswers({ case: 'B' })).toThrow()
    expect(() => visitorFromAnswers({})).toThrow()
  })
  it('a delivery vehicle admitted with an IC card', () => {
    const script = requireScript('gate.vehicle')
    const labels = script.steps['visitor.stop'].branches!.map((b) => b.label)
    expect(labels).toContain('帮业主送货')
    const a = {
      vehicleCase: 'delivery',
      deliverTo: '2-1-302',
      idDeposited: 'yes',
      icCardIssued: 'yes',
      result: 'admitted',
      plate: '粤B88888'
    }
    expect(vehicleFromAnswers(a)).toMatchObject({
      case: 'delivery',
      deliverTo: '2-1-302',
      idDeposited: true,
      icCardIssued: true,
      result: 'admitted',
      plate: '粤B88888'
    })
    expect(() => vehicleFromAnswers({ vehicleCase: 'x' })).toThrow()
  })
})
