import { answerKeys, GATE_VEHICLE_KEYS, GATE_VISITOR_KEYS } from '../../../../src/domain/scripts/gateKeys'
import { requireScript } from '../../../../src/domain/scripts'

describe('the gate scripts’ answer keys', () => {
  it.each([
    ['gate.visitor', GATE_VISITOR_KEYS],
    ['gate.vehicle', GATE_VEHICLE_KEYS]
  ] as const)('%s uses exactly the listed keys', (id, listed) => {
    expect([...answerKeys(requireScript(id))].sort()).toEqual([...listed].sort())
  })

  it('answerKeys sees a key asked and a key set on a branch', () => {
    const keys = answerKeys(requireScript('gate.visitor'))
    expect(keys).toContain('room') // asked
    expect(keys).toContain('case') // set by a branch
    expect(keys).not.toContain('plate')
  })
})
