import { makeHarness, type Harness } from '../harness'
import type { Envelope } from '../../../src/domain/errors'

const ok = (e: Envelope<unknown>) => {
  if (!e.ok) throw new Error(`${e.code} ${e.message}`)
  return e.data as Record<string, unknown>
}
const code = (e: Envelope<unknown>) => (e.ok ? 'OK' : e.code)

/** A photo the caller uploaded to this environment's storage, in their own folder. */
const F = 'cloud://env-1.6d70-env-1/photos/demo-guard/photo-0001.jpg'

describe('files.register', () => {
  let h: Harness
  beforeEach(async () => {
    h = await makeHarness({ cloudEnv: 'env-1' })
  })

  it('links an uploaded photo to its client id, with the caller and estate from the session', async () => {
    const out = ok(await h.as('demo-guard', 'files.register', { id: 'photo-0001', fileId: F, takenAt: 5 }))
    expect(out).toMatchObject({
      id: 'photo-0001',
      staffId: 'demo-guard',
      estateId: 'demo-estate',
      takenAt: 5
    })
    expect(await h.db.count('audit')).toBe(1)
  })

  it('registering the same photo again is not an error; another file under the same id is a conflict', async () => {
    ok(await h.as('demo-guard', 'files.register', { id: 'photo-0001', fileId: F, takenAt: 5 }))
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
      code(
        await h.as('demo-patrol', 'files.register', {
          id: 'photo-0001',
          fileId: F,
          takenAt: 5
        })
      )
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
