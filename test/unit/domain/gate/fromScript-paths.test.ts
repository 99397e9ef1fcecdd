/**
 * Every way through the gate scripts ends in answers the gate screens can turn into a record
 * the server accepts: no end of gate.visitor or gate.vehicle leaves the guard with a screen
 * that cannot be saved.
 */
import * as v from 'valibot'
import { ACTIONS } from '../../../../src/domain/contract'
import { vehicleFromAnswers, visitorFromAnswers } from '../../../../src/domain/gate/fromScript'
import { buildCheckIn, type WalkInForm } from '../../../../src/domain/gate/visitorForm'
import {
  answer,
  choose,
  current,
  next,
  requireScript,
  start,
  type RunState,
  type Script
} from '../../../../src/domain/scripts'

/** Each finished run reachable from `from`, answering any question with `fillers`. */
function ends(script: Script, from: RunState, fillers: Record<string, string>): RunState[] {
  const out: RunState[] = []
  const seen = new Set<string>()
  const go = (s: RunState) => {
    const step = current(script, s)
    const key = `${s.path.join('>')}|${JSON.stringify(s.answers)}`
    if (seen.has(key) || s.path.length > 40) return
    seen.add(key)
    if (step.outcome) return void out.push(s)
    const asked = step.ask ? answer(s, step.ask.key, fillers[step.ask.key] ?? '测试') : s
    ;(step.branches ?? []).forEach((_, i) => go(choose(script, asked, i, 1)))
    if (step.next) go(next(script, asked, 1))
  }
  go(from)
  return out
}

const NOW = Date.UTC(2026, 10, 24, 2)
const refs = {
  idSalt: 'salt',
  permits: [
    {
      id: 'p1',
      no: 'SG-OK',
      holderName: '钱师傅',
      idLast4: '002X',
      company: '美居装饰',
      room: '3-2-501',
      validFrom: NOW - 86400_000,
      validTo: NOW + 86400_000
    }
  ]
}
const form: WalkInForm = {
  name: '王小明',
  phone: '',
  idType: 'idcard',
  idNo: '11010519491231002X',
  cardNo: '',
  people: 1,
  byCar: false,
  plate: '',
  room: '',
  company: '',
  contact: '',
  days: 2,
  permitNo: '',
  reason: ''
}
const visitorInput = ACTIONS['gate.checkIn'].input
const vehicleInput = ACTIONS['gate.vehicleIn'].input

describe('gate.visitor: every end becomes a check-in', () => {
  const script = requireScript('gate.visitor')
  const runs = ends(script, start(script, 0), { room: '1-1-101', reason: '业主不在家' })
  it('has many ends, all mapped and accepted by gate.checkIn', () => {
    expect(runs.length).toBeGreaterThan(8)
    const cases = new Set<string>()
    const results = new Set<string>()
    for (const r of runs) {
      const s = visitorFromAnswers(r.answers)
      cases.add(s.case)
      results.add(s.result)
      if (s.result === 'refused') expect(s.reason ?? '').not.toBe('')
      // what the record form adds: a name, ID, card, and the construction details
      const built = buildCheckIn(
        s,
        { ...form, permitNo: 'SG-OK', cardNo: s.cardIssued ? 'F-01' : '', reason: s.reason ?? '' },
        refs,
        NOW
      )
      if ('problem' in built) throw new Error(`${r.path.join('>')}: ${built.problem}`)
      const parsed = v.safeParse(visitorInput, { ...built, id: 'v1', gate: '东门' })
      expect(parsed.issues?.map((i) => `${r.path.join('>')}: ${i.message}`) ?? []).toEqual([])
      expect(built).toMatchObject({
        case: s.case,
        result: s.result,
        idDeposited: s.idDeposited,
        hostCall: s.hostCall
      })
    }
    expect([...cases].sort()).toEqual(['business', 'canvassing', 'construction', 'ownerGuest', 'viewing'])
    expect([...results].sort()).toEqual(['admitted', 'redirected', 'refused'])
  })
})

describe('gate.vehicle from 外来车辆入场: every end becomes a vehicle entry', () => {
  const script = requireScript('gate.vehicle')
  // as the vehicle page starts it: the outside-vehicle branch taken, the plate already typed
  const init = answer(choose(script, start(script, 0), 1, 0), 'plate', '粤B88888')
  const runs = ends(script, init, { plate: '粤B88888', deliverTo: '2-1-302' })
  it('maps each end to an outside vehicle gate.vehicleIn accepts', () => {
    expect(runs.length).toBeGreaterThan(2)
    const cases = new Set<string>()
    for (const r of runs) {
      const x = vehicleFromAnswers(r.answers)
      cases.add(x.case)
      expect(x.case).not.toBe('owner')
      expect(x.plate).toBe('粤B88888')
      const parsed = v.safeParse(vehicleInput, {
        id: 'x1',
        gate: '东门',
        plate: x.plate,
        case: x.case,
        deliverTo: x.deliverTo,
        idDeposited: x.idDeposited,
        icCardNo: x.icCardIssued ? 'IC-1' : undefined,
        result: x.result,
        reason: x.reason
      })
      expect(parsed.issues?.map((i) => `${r.path.join('>')}: ${i.message}`) ?? []).toEqual([])
      if (x.case === 'delivery' && x.result === 'admitted') expect(x.deliverTo).toBe('2-1-302')
    }
    expect([...cases].sort()).toEqual(['business', 'delivery', 'viewing'])
  })
})
