import { makeHarness, type Harness } from '../harness'
import type { Envelope } from '../../../src/domain/errors'
import { cloudFileId, cloudPhoto } from './photos'

const ok = (e: Envelope<unknown>) => {
  if (!e.ok) throw new Error(`${e.code} ${e.message}`)
  return e.data as Record<string, unknown>
}
const code = (e: Envelope<unknown>) => (e.ok ? 'OK' : e.code)

let envs = 0
describe('files.register', () => {
  let h: Harness
  beforeEach(async () => {
    h = await makeHarness({ cloudEnv: `reg-${process.pid}-${++envs}` })
  })

  it('links an uploaded photo to its client id, with the caller and estate from the session', async () => {
    const out = ok(await cloudPhoto(h, 'demo-guard', 'photo-0001', { takenAt: 5 }))
    expect(out).toMatchObject({
      id: 'photo-0001',
      fileId: cloudFileId(h, 'demo-guard', 'photo-0001'),
      staffId: 'demo-guard',
      estateId: 'demo-estate',
      takenAt: 5
    })
    expect(await h.db.count('audit')).toBe(1)
  })

  it('registering the same photo again is not an error; another file under the same id is a conflict', async () => {
    const F = cloudFileId(h, 'demo-guard', 'photo-0001')
    ok(await cloudPhoto(h, 'demo-guard', 'photo-0001', { takenAt: 5 }))
    const again = ok(await h.as('demo-guard', 'files.register', { id: 'photo-0001', fileId: F, takenAt: 5 }))
    expect(again.fileId).toBe(F)
    expect(
      code(
        await h.as('demo-guard', 'files.register', {
          id: 'photo-0001',
          fileId: 'cloud://x/y.jpg',
          takenAt: 5
        })
      )
    ).toBe('CONFLICT')
    expect(
      code(await h.as('demo-patrol', 'files.register', { id: 'photo-0001', fileId: F, takenAt: 5 }))
    ).toBe('CONFLICT')
    expect(await h.db.count('files')).toBe(1)
  })

  it('refuses file ids that are neither cloud nor local', async () => {
    expect(
      code(
        await h.as('demo-guard', 'files.register', {
          id: 'photo-0001',
          fileId: 'http://evil/x.jpg',
          takenAt: 5
        })
      )
    ).toBe('INVALID_INPUT')
    expect(await h.db.count('files')).toBe(0)
  })
})
