/**
 * The host's wx.cloud, on the cloud build: WeChat's answer and error shapes, the caller's OPENID
 * reaching the built function, the bytes of an upload in engine storage, and calls of two
 * phones never seeing each other's caller.
 */
import { CLOUD_ENV_ID, setupFromConsole, startCloudWorld, waitForButton, type CloudWorld } from './cloudWorld'
import { smallPng } from './host'

let world: CloudWorld
beforeAll(async () => {
  world = await startCloudWorld()
})
afterAll(() => world?.close())
jest.setTimeout(60_000)

type Dict = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/** What a promise-style wx.cloud call settles with: the answer, or the error it rejects with. */
async function settle(p: Promise<unknown>): Promise<{ ok: boolean; v: Dict }> {
  return p.then(
    (v) => ({ ok: true, v: v as Dict }),
    (e) => ({ ok: false, v: e as Dict })
  )
}

it('before wx.cloud.init every call fails with WeChat’s message', async () => {
  const p = world.phone('no-init')
  // not launched: app.js (which calls init) has not run
  const r = await settle(p.wx.cloud.callFunction({ name: 'auth', data: {} }))
  expect(r.ok).toBe(false)
  expect(r.v.errMsg).toMatch(/^cloud\.callFunction:fail 请先调用 wx\.cloud\.init\(\)/)
})

it('callFunction answers { result, errMsg, requestID }; the function gets data, userInfo and the caller’s OPENID', async () => {
  const p = world.phone('caller')
  await p.launch()
  p.assertHealthy()
  const r = await settle(
    p.wx.cloud.callFunction({ name: 'auth', data: { action: 'auth.wxLogin', input: {} } })
  )
  expect(r.ok).toBe(true)
  expect(r.v.errMsg).toBe('cloud.callFunction:ok')
  expect(r.v.requestID).toMatch(/^[0-9a-f-]{36}$/)
  // nobody is bound to this WeChat yet: the function saw an OPENID (no OPENID would be UNAUTHENTICATED)
  expect(r.v.result).toMatchObject({ ok: false, code: 'NOT_BOUND' })
  // callbacks get the same answer
  const viaCallback = await new Promise<Dict>((resolve) =>
    p.wx.cloud.callFunction({
      name: 'auth',
      data: { action: 'auth.demoAccounts', input: {} },
      success: resolve
    })
  )
  expect(viaCallback).toMatchObject({ errMsg: 'cloud.callFunction:ok', result: { ok: true } })
})

it('a function that is not deployed, an unknown env and no network fail as WeChat fails them', async () => {
  const p = world.phone('errors')
  await p.launch()
  const missing = await settle(p.wx.cloud.callFunction({ name: 'login', data: {} }))
  expect(missing.ok).toBe(false)
  expect(missing.v).toBeInstanceOf(p.run('Error') as ErrorConstructor)
  expect(missing.v.errCode).toBe(-404011)
  expect(missing.v.errMsg).toMatch(
    /^cloud\.callFunction:fail requestID [0-9a-f-]{36}, cloud function service error code -504002, error message Function not found: \[login\]/
  )
  expect(missing.v.message).toMatch(
    /^errCode: -404011 cloud function execution error \| errMsg: cloud\.callFunction:fail/
  )
  const env = await settle(p.wx.cloud.callFunction({ name: 'auth', data: {}, config: { env: 'other-env' } }))
  expect(env.v.errMsg).toMatch(/error code -501000, error message \[100004\] env not exists/)
  p.setOnline(false)
  const offline = await settle(p.wx.cloud.callFunction({ name: 'auth', data: {} }))
  expect(offline.ok).toBe(false)
  expect(offline.v.errMsg).toMatch(/^cloud\.callFunction:fail /)
})

it('uploadFile puts the bytes in the env’s storage and answers { fileID, statusCode, errMsg }', async () => {
  const p = world.phone('uploader')
  await p.launch()
  p.privacyAgreed = true
  const photo = (await p.wx.chooseMedia({ count: 1, mediaType: ['image'] })) as Dict
  const path = (photo.tempFiles?.[0]?.tempFilePath as string | undefined) ?? ''
  const r = await settle(p.wx.cloud.uploadFile({ cloudPath: 'photos/x/a.jpg', filePath: path }))
  expect(r.v).toMatchObject({ errMsg: 'cloud.uploadFile:ok', statusCode: 200 })
  expect(r.v.fileID).toMatch(new RegExp(`^cloud://${CLOUD_ENV_ID}\\.[a-z0-9-]+/photos/x/a\\.jpg$`))
  expect(world.engine.files(CLOUD_ENV_ID)).toEqual([
    expect.objectContaining({ fileID: r.v.fileID, cloudPath: 'photos/x/a.jpg', size: smallPng().length })
  ])
  const gone = await settle(
    p.wx.cloud.uploadFile({ cloudPath: 'photos/x/b.jpg', filePath: 'http://tmp/none.png' })
  )
  expect(gone.ok).toBe(false)
  expect(gone.v.errMsg).toMatch(/^cloud\.uploadFile:fail/)
})

it('calls of two phones at once each reach the function with their own OPENID; an answer that is not ours keeps the record queued', async () => {
  const a = world.phone('a')
  const b = world.phone('b')
  await Promise.all([a.launch(), b.launch()])
  // a's WeChat becomes the admin; b's is bound to nobody
  expect(
    await setupFromConsole(a, {
      company: '利海物业',
      estateName: '翠湖花园',
      adminName: '吴经理',
      adminPhone: '13800000008'
    })
  ).toMatchObject({ ok: true })
  const login = (p: typeof a) =>
    (
      p.wx.cloud.callFunction({ name: 'auth', data: { action: 'auth.wxLogin', input: {} } }) as Promise<Dict>
    ).then((r) => (r.result.ok ? r.result.data.staff.name : r.result.code) as string)
  const answers = await Promise.all([a, b, a, b, b, a].map(login))
  expect(answers).toEqual(['吴经理', 'NOT_BOUND', '吴经理', 'NOT_BOUND', 'NOT_BOUND', '吴经理'])
  expect(process.env.WX_OPENID).toBeUndefined()

  // a function that answers nothing of ours (killed at its timeout, an old deployment) leaves the
  // record queued on the phone; it goes when the function answers again
  await waitForButton(a, '微信一键登录')
  await a.tap('微信一键登录')
  await a.waitFor('一键报事')
  const leak = () =>
    world.engine
      .env(CLOUD_ENV_ID)
      .docs('incidents')
      .find((i) => i.category === 'leak')
  const invoke = world.backend.invoke
  world.backend.invoke = async () => undefined
  try {
    await a.tap('一键报事')
    await a.tap('漏水')
    await a.waitFor('还没上传：手机没联网，已存在手机上，联网后自动上报，不用再报一次。')
    a.assertHealthy()
    expect(leak()).toBeUndefined()
  } finally {
    world.backend.invoke = invoke
  }
  // back online (WeChat's network event): the queue goes
  a.setOnline(true)
  await a.waitFor(() => !!leak(), 20_000)
  a.assertHealthy()
})
