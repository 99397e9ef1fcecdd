/**
 * The storage port's two adapters (src/cloud/data/storage.ts): our server's files folder, and
 * CloudBase storage through the unmodified wx-server-sdk on the test engine.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cloudbaseStorage, localFileStorage } from '../../../src/cloud/data/storage'
import { sharedEngine } from '../harness'

describe('local files folder', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gwt-storage-'))
    mkdirSync(join(dir, 'demo-guard'))
    writeFileSync(join(dir, 'demo-guard', 'photo-1'), Buffer.alloc(1234))
    writeFileSync(join(dir, 'secret'), 'x')
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('stat: the size of a stored photo; nothing for a missing one or an id that is not ours', async () => {
    const s = localFileStorage(dir)
    expect(await s.stat('local:demo-guard/photo-1')).toEqual({ size: 1234 })
    expect(await s.stat('local:demo-guard/photo-2')).toBeUndefined()
    for (const bad of [
      'local:../secret',
      'local:demo-guard/../../secret',
      'cloud://e.b/photos/a/b.jpg',
      'local:x'
    ])
      expect(await s.stat(bad)).toBeUndefined()
  })

  it('remove: deleted and already-gone files are removed; ids that are not ours fail and touch nothing', async () => {
    const s = localFileStorage(dir)
    const r = await s.remove(['local:demo-guard/photo-1', 'local:demo-guard/photo-2', 'local:../secret'])
    expect(r).toEqual({
      removed: ['local:demo-guard/photo-1', 'local:demo-guard/photo-2'],
      failed: ['local:../secret']
    })
    expect(existsSync(join(dir, 'demo-guard', 'photo-1'))).toBe(false)
    expect(existsSync(join(dir, 'secret'))).toBe(true)
  })
})

describe('CloudBase storage through wx-server-sdk', () => {
  const env = `stg-${process.pid}`
  // the first use starts the engine and loads the SDK: seconds on a loaded machine
  beforeAll(() => sharedEngine(), 60_000)
  it('stat measures a stored file without downloading it; a missing file is nothing', async () => {
    const engine = await sharedEngine()
    const s = cloudbaseStorage(require('wx-server-sdk'), { env })
    const id = engine.putFile(env, 'photos/p/a.jpg', Buffer.alloc(777_777, 1))
    expect(await s.stat(id)).toEqual({ size: 777_777 })
    expect(await s.stat(id.replace('a.jpg', 'b.jpg'))).toBeUndefined()
    // a file id of another environment is not a file of this one
    expect(await s.stat(engine.putFile(`${env}-x`, 'photos/p/a.jpg', 'x'))).toBeUndefined()
  })

  it('remove: in calls of at most 50 files; missing ones count as removed; a failed call fails its files only', async () => {
    const engine = await sharedEngine()
    const s = cloudbaseStorage(require('wx-server-sdk'), { env })
    const ids = [...Array(120).keys()].map((i) => engine.putFile(env, `photos/q/${i}.jpg`, 'x'))
    engine.counters.reset()
    engine.failNext('storage.batchDeleteFile') // the first call of 50
    const r = await s.remove([...ids, ids[0].replace('/0.jpg', '/none.jpg')])
    expect(engine.counters.count({ env, action: 'storage.batchDeleteFile' })).toBe(3)
    expect(r.failed).toEqual(ids.slice(0, 50))
    expect(r.removed).toHaveLength(71)
    expect(engine.files(env).filter((f) => f.cloudPath.startsWith('photos/q/'))).toHaveLength(50)
    expect((await s.remove(r.failed)).failed).toEqual([])
    expect(engine.files(env).filter((f) => f.cloudPath.startsWith('photos/q/'))).toHaveLength(0)
  })
})
