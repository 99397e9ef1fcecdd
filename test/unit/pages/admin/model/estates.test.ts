/**
 * The admin's estates store against the real dispatcher on SQLite: a new estate (entered at
 * once), gates and posts, and the room import (pick → preview → confirm, batches until done).
 */
import { makeBackend, type Backend } from '../../../stores/backend'
import { signedIn, type Session } from '../../../../kit/session'
import { EstatesAdminStore, type SheetFile } from '../../../../../src/pages/admin/model/estates'
import { IMPORT_BATCH } from '../../../../../src/domain/estates/rooms'
import { csvText, gbk, roomsSheet } from '../../../domain/estates/sheets'

let b: Backend
beforeEach(async () => {
  b = await makeBackend()
})

async function admin(file?: SheetFile) {
  const p = await signedIn(b, 'admin')
  let session: Session = p.session
  const store = new EstatesAdminStore({
    api: () => b.api(session),
    newId: p.newId,
    pickSheet: async () => file,
    enterEstate: async (id) => {
      session = { ...session, estateId: id }
    }
  })
  return { store, session: () => session }
}

describe('EstatesAdminStore', () => {
  it('creates an estate and works in it: gates and posts are the new estate’s', async () => {
    const { store, session } = await admin()
    store.setField('name', '碧水湾')
    store.setField('company', '利海物业')
    store.setField('overstayHours', '6')
    const e = await store.create()
    expect(e).toMatchObject({ name: '碧水湾', settings: { overstayHours: 6 } })
    expect(session().estateId).toBe(e!.id)
    store.gateName = '东门'
    await store.addGate()
    store.gateName = '西门'
    await store.addGate()
    store.gateKind = 'post'
    store.gateName = '地库岗亭'
    await store.addGate()
    expect(store.detail?.estate.name).toBe('碧水湾')
    expect(store.detail?.gates.map((g) => g.name)).toEqual(['东门', '西门', '地库岗亭'])
    await store.removeGate(store.detail!.gates[1].id)
    expect(store.detail?.gates.map((g) => g.name)).toEqual(['东门', '地库岗亭'])
  })

  it('a refusal is the store’s error, with the field marked', async () => {
    const { store } = await admin()
    store.setField('name', '碧水湾')
    store.setField('company', '利海物业')
    store.setField('overstayHours', '99')
    expect(await store.create()).toBeUndefined()
    expect(store.error).toMatch(/最多72小时/)
    expect(store.fieldErrors.overstayHours).toMatch(/最多72小时/)
  })

  it('imports rooms: preview stores nothing; confirm writes them all in batches', async () => {
    const n = IMPORT_BATCH + 20
    const bytes = gbk(csvText(roomsSheet(n)))
    const { store } = await admin({ name: '房间.csv', data: bytes.toString('base64'), size: bytes.length })
    await store.loadDetail()
    const before = store.detail!.rooms
    await store.pickAndPreview()
    expect(store.error).toBe('')
    expect(store.preview!.counts.errors).toBe(0)
    expect(store.preview!.counts.new + store.preview!.counts.updated + store.preview!.counts.unchanged).toBe(
      n
    )
    const fresh = store.preview!.counts.new
    await store.loadDetail()
    expect(store.detail!.rooms).toBe(before)
    await store.commit()
    expect(store.result).toMatchObject({ created: fresh, remaining: 0 })
    expect(store.detail!.rooms).toBe(before + fresh)
    expect(store.preview).toBeUndefined()
  })
})
