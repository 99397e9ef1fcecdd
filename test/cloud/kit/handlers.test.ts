import { defineHandlers, mergeHandlers, type HandlerMap } from '../../../src/cloud/kit'
import { HANDLERS } from '../../../src/cloud/handlers'
import { ACTION_NAMES } from '../../../src/domain/contract'

const a = defineHandlers({
  'staff.bindCode': async (input) => ({ code: 'C', staffId: input.staffId, expiresAt: 1 })
})
const b = defineHandlers({ 'shift.end': async (input) => Promise.reject(new Error(input.shiftId)) })

describe('kit handler registry', () => {
  it('merges area maps, and a second handler of one action fails at load', () => {
    const m: Pick<HandlerMap, 'staff.bindCode' | 'shift.end'> = mergeHandlers(a, b)
    expect(Object.keys(m).sort()).toEqual(['shift.end', 'staff.bindCode'])
    expect(() => mergeHandlers(a, b, a)).toThrow('two handlers for staff.bindCode')
  })

  it('types: a missing action, an unknown action or a wrong output fail the type check', () => {
    // @ts-expect-error staff.list has no handler
    const m: Pick<HandlerMap, 'staff.bindCode' | 'shift.end' | 'staff.list'> = mergeHandlers(a, b)
    // @ts-expect-error not an action of the contract
    defineHandlers({ 'staff.nope': async () => 1 })
    // @ts-expect-error code must be a string
    defineHandlers({ 'staff.bindCode': async () => ({ code: 1, staffId: '', expiresAt: 1 }) })
    expect(m).toBeDefined()
  })

  it('the registry has exactly the contract actions', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual([...ACTION_NAMES].sort())
  })
})
