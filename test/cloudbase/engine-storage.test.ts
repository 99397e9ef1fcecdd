/**
 * The test engine's cloud storage, driven through the unmodified wx-server-sdk: `putFile` plays
 * the phone's wx.cloud.uploadFile; getTempFileURL, downloadFile and deleteFile answer what the
 * SDK hands to the code (see engine/README.md for the sources).
 */
import { request } from 'node:http'
import { bucketOf, pointSdkAt, startEngine, STORAGE_BATCH_MAX, type Engine } from './engine'

let engine: Engine
let restore: () => void
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let cloud: any
let n = 0

beforeAll(async () => {
  engine = await startEngine()
  restore = pointSdkAt(engine, 'storage-test')
  cloud = require('wx-server-sdk')
  cloud.init({ env: 'storage-test' })
})
afterAll(async () => {
  restore()
  await engine.close()
})

const fresh = () => `s${++n}`
const fail = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: Error & { errCode?: number }) => e
  )
function get(url: string, method = 'GET'): Promise<{ status: number; length?: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          length: res.headers['content-length'],
          body: Buffer.concat(chunks)
        })
      )
    })
    req.on('error', reject)
    req.end()
  })
}

describe('the test engine storage through wx-server-sdk', () => {
  it('putFile answers the file id CloudBase gives; files lists what is stored, per environment', () => {
    const env = fresh()
    const id = engine.putFile(env, 'photos/p1/a.jpg', Buffer.from([0xff, 0xd8, 0xff, 1, 2]))
    expect(id).toBe(`cloud://${env}.${bucketOf(env)}/photos/p1/a.jpg`)
    expect(bucketOf('test-env')).toBe('7465-test-env-1300000000')
    engine.putFile(env, 'photos/p1/a.jpg', 'abc') // overwrites, as an upload to the same path does
    expect(engine.files(env)).toEqual([{ fileID: id, cloudPath: 'photos/p1/a.jpg', size: 3 }])
    expect(engine.files(fresh())).toEqual([])
  })

  it('getTempFileURL: a link per file, status 0; a missing file is status -503003 with an empty link', async () => {
    const env = fresh()
    const id = engine.putFile(env, 'photos/p1/a.jpg', 'hello')
    const gone = id.replace('a.jpg', 'b.jpg')
    const r = await cloud.getTempFileURL({ fileList: [id, { fileID: gone, maxAge: 60 }], config: { env } })
    expect(r.errMsg).toBe('getTempFileURL:ok')
    expect(r.fileList[0]).toMatchObject({ fileID: id, status: 0, errMsg: 'ok' })
    expect(r.fileList[1]).toMatchObject({ fileID: gone, status: -503003, tempFileURL: '' })
    const got = await get(r.fileList[0].tempFileURL)
    expect(got).toMatchObject({ status: 200, length: '5' })
    expect(got.body.toString()).toBe('hello')
    const head = await get(r.fileList[0].tempFileURL, 'HEAD')
    expect(head).toMatchObject({ status: 200, length: '5' })
    // a tampered signature opens nothing
    expect((await get(r.fileList[0].tempFileURL.replace(/sign=\w/, 'sign=z'))).status).toBe(403)
    // another environment's file id is not a file of this one
    const other = engine.putFile(fresh(), 'photos/p1/a.jpg', 'x')
    const o = await cloud.getTempFileURL({ fileList: [other], config: { env } })
    expect(o.fileList[0].status).toBe(-503003)
  })

  it('downloadFile: the bytes; a missing file rejects with -503003', async () => {
    const env = fresh()
    const id = engine.putFile(env, 'photos/p2/c.jpg', Buffer.alloc(3000, 7))
    const r = await cloud.downloadFile({ fileID: id, config: { env } })
    expect(Buffer.compare(r.fileContent, Buffer.alloc(3000, 7))).toBe(0)
    const e = await fail(cloud.downloadFile({ fileID: id.replace('c.jpg', 'd.jpg'), config: { env } }))
    expect(e).toMatchObject({ errCode: -503003 })
    expect(e!.message).toMatch(/downloadFile:fail -503003/)
  })

  it('deleteFile: per file status 0 or -503003; a deleted file is gone and its link answers 404', async () => {
    const env = fresh()
    const a = engine.putFile(env, 'photos/p3/a.jpg', 'a')
    const b = engine.putFile(env, 'photos/p3/b.jpg', 'b')
    const link = (await cloud.getTempFileURL({ fileList: [a], config: { env } })).fileList[0].tempFileURL
    const r = await cloud.deleteFile({ fileList: [a, a.replace('a.jpg', 'z.jpg')], config: { env } })
    expect(r.errMsg).toBe('deleteFile:ok')
    expect(r.fileList).toEqual([
      { fileID: a, status: 0, errMsg: 'ok' },
      expect.objectContaining({ fileID: a.replace('a.jpg', 'z.jpg'), status: -503003 })
    ])
    expect(engine.files(env).map((f) => f.fileID)).toEqual([b])
    expect((await get(link)).status).toBe(404)
  })

  it(`more than ${STORAGE_BATCH_MAX} files in one call is refused whole (-501007), nothing deleted`, async () => {
    const env = fresh()
    const ids = [...Array(STORAGE_BATCH_MAX + 1).keys()].map((i) =>
      engine.putFile(env, `photos/p/${i}.jpg`, 'x')
    )
    const e = await fail(cloud.deleteFile({ fileList: ids, config: { env } }))
    expect(e).toMatchObject({ errCode: -501007 })
    expect(engine.files(env)).toHaveLength(STORAGE_BATCH_MAX + 1)
    const ok = await cloud.deleteFile({ fileList: ids.slice(0, STORAGE_BATCH_MAX), config: { env } })
    expect(ok.fileList.every((f: { status: number }) => f.status === 0)).toBe(true)
    expect(engine.files(env)).toHaveLength(1)
    expect(await fail(cloud.getTempFileURL({ fileList: ids, config: { env } }))).toMatchObject({
      errCode: -501007
    })
  })

  it('storage requests are counted and can be made to fail', async () => {
    const env = fresh()
    const a = engine.putFile(env, 'photos/p4/a.jpg', 'a')
    engine.counters.reset()
    engine.failNext('storage.batchDeleteFile')
    expect(await fail(cloud.deleteFile({ fileList: [a], config: { env } }))).toBeTruthy()
    expect(engine.files(env)).toHaveLength(1)
    await cloud.deleteFile({ fileList: [a], config: { env } })
    expect(engine.counters.count({ env, action: 'storage.batchDeleteFile' })).toBe(2)
    expect(engine.files(env)).toHaveLength(0)
  })
})
