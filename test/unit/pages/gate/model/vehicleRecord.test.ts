/**
 * The vehicle screen's confirmation follows the record it made: waiting on the phone while
 * offline (未上传), gone from the outbox once on the server, refused when the server says no.
 */
import { makeBackend, MemoryStorage, type Backend } from '../../../stores/backend'
import { signedIn } from '../../../../kit/session'
import { GateStore } from '../../../../../src/pages/gate/model/gate'
import type { VehicleVisit } from '../../../../../src/domain/gate/entities'

let b: Backend
beforeEach(async () => {
  b = await makeBackend()
})

async function phone() {
  const p = await signedIn(b, 'demo-guard', { storage: new MemoryStorage() })
  const gate = new GateStore({ ...p.deps, staffName: () => '张卫国', shiftPost: () => '东门岗' })
  await gate.load()
  return { outbox: p.outbox, gate }
}
const visits = async (plate: string) =>
  (
    await b.h.rt.store.find<VehicleVisit & { [k: string]: unknown }>('vehiclevisits', {
      where: { plate }
    })
  ).items

describe('the state of a vehicle record made on this phone', () => {
  it('an owner car in offline waits, then goes; its exit is followed the same way', async () => {
    const { gate, outbox } = await phone()
    b.online = false
    const inId = gate.vehicleIn({ plate: '粤B12345', case: 'owner', idDeposited: false, result: 'admitted' })!
    await outbox.sync()
    expect(gate.recordState(inId)).toBe('waiting')
    expect(await visits('粤B12345')).toEqual([])

    b.online = true
    await outbox.sync({ force: true })
    expect(gate.recordState(inId)).toBe('sent')
    expect((await visits('粤B12345')).map((v) => v.status)).toEqual(['inside'])

    const outId = gate.vehicleLeaves('粤B12345')!
    expect(outId).not.toBe(inId)
    expect(gate.recordState(outId)).not.toBe('sent')
    await outbox.sync()
    expect(gate.recordState(outId)).toBe('sent')
    expect((await visits('粤B12345')).map((v) => v.status)).toEqual(['left'])
  })

  it('a record the phone refuses has no id; one the server refuses says so', async () => {
    const { gate, outbox } = await phone()
    expect(gate.vehicleLeaves('')).toBeUndefined()
    expect(gate.vehicleOut('')).toBe(false)
    expect(gate.error).not.toBe('')
    // a visit id that does not exist: the server refuses the exit
    const id = gate.vehicleLeaves('粤B99999', { visitId: 'no-such-visit-0001' })!
    await outbox.sync()
    expect(gate.recordState(id)).toBe('refused')
  })
})
