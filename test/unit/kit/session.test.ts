/** The store tests' sign-in helper: a real session, a working api and outbox, storage shared across restarts. */
import { makeBackend, MemoryStorage } from '../stores/backend'
import { signedIn } from '../../kit/session'

describe('signedIn', () => {
  it('signs in through auth.demoLogin; the api answers as that person; the outbox sends with the session', async () => {
    const b = await makeBackend()
    const p = await signedIn(b, 'patrol')
    expect(p.session).toMatchObject({ staffId: 'demo-patrol', estateId: 'demo-estate' })
    expect(p.session.token).toMatch(/.{16,}/)
    expect((await p.api('me.profile', {})).name).toBe('李巡')
    p.outbox.enqueue('shift.start', { id: 'kit-s1', post: '东门岗' }, { record: 'kit-s1', summary: '上岗' })
    await p.outbox.sync()
    expect(await b.h.stored('shifts', 'kit-s1')).toMatchObject({ staffId: 'demo-patrol', staffName: '李巡' })
    // the same person again (a restart): the same token, the queue kept in the shared storage
    const storage = new MemoryStorage()
    const a = await signedIn(b, 'guard', { storage })
    b.online = false
    a.outbox.enqueue('shift.start', { id: 'kit-s2', post: '东门岗' }, { record: 'kit-s2', summary: '上岗' })
    const again = await signedIn(b, 'guard', { storage })
    expect(again.session.token).toBe(a.session.token)
    expect(again.outbox.waiting.map((e) => e.summary)).toEqual(['上岗'])
  })

  it('names a person who cannot sign in', async () => {
    const b = await makeBackend()
    await expect(signedIn(b, 'nobody')).rejects.toThrow(/nobody cannot sign in/)
  })
})
