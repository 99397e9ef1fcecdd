/**
 * Signed NFC tags (NTAG 424 DNA SUN, issue 16) in the built mini program, on phones that talk
 * HTTP to the real local server: the supervisor sets a point's two keys on the patrol setup page
 * (the point then says 防伪密钥已设置, never the keys); a patrol phone holds the tag, whose NDEF
 * URI record carries a generated SUN URL (the host hands it over as WeChat's onDiscovered does),
 * and the scan is stored as the strongest evidence; a copy of an older read is refused by the
 * server and the phone says why.
 */
import type { Envelope } from '../../../src/domain/errors'
import type { ActionName, InputOf, SessionOut } from '../../../src/domain/contract'
import type { Scan } from '../../../src/domain/patrol/model'
import { makePlainSunMessage, makeSunMessage } from '../../../src/cloud/patrol/sun'
import { openArea, signIn, startWorld, until, type World } from './env'
import type { Phone } from './host'

type Doc<T> = T & { [k: string]: unknown }
let world: World
beforeAll(async () => {
  world = await startWorld()
})
afterAll(() => world?.close())
jest.setTimeout(60_000)

const store = () => world.server.runtime.store
const phones: Phone[] = []
async function person(name: string): Promise<Phone> {
  const p = world.phone(name)
  phones.push(p)
  await signIn(p, name)
  return p
}
afterEach(() => {
  for (const p of phones.splice(0)) p.assertHealthy()
})

/** A supervisor's write straight to the server (what the setup page's other forms would send). */
async function asSupervisor<A extends ActionName>(action: A, input: InputOf<A>): Promise<void> {
  const rt = world.server.runtime
  const login = (await rt.call(
    'auth',
    { action: 'auth.demoLogin', input: { staffId: 'demo-supervisor' } },
    { kind: 'none' }
  )) as Envelope<SessionOut>
  if (!login.ok) throw new Error(login.message)
  const env = (await rt.call(
    'admin',
    {
      action,
      input,
      estateId: 'demo-estate',
      op: { id: `op-${Math.random().toString(36).slice(2)}`, deviceTime: Date.now() },
      sentAt: Date.now()
    },
    { kind: 'token', token: login.data.token! }
  )) as Envelope<unknown>
  if (!env.ok) throw new Error(env.message)
}

const META = '00112233445566778899AABBCCDDEEFF'
const FILE = 'F0E1D2C3B4A5968778695A4B3C2D1E0F'
const keys = { meta: Buffer.from(META, 'hex'), file: Buffer.from(FILE, 'hex') }
const UID = '04A1B2C3D4E5F6'
const UID3 = '04C1D2E3F4A5B6'

describe('NFC 防伪标签', () => {
  it('the supervisor sets a point’s keys on the setup page: a wrong key is named on its field, then 已设置 without the keys', async () => {
    // the points' tag ids (the plain NFC field of the point form)
    await asSupervisor('patrol.checkpointSave', {
      id: 'demo-cp-2',
      name: '地下车库入口',
      questions: [],
      nfcTagId: UID
    })
    await asSupervisor('patrol.checkpointSave', {
      id: 'demo-cp-3',
      name: '消防泵房',
      questions: [],
      nfcTagId: UID3
    })
    const p = await person('周主管')
    await openArea(p, '主管', '巡更情况')
    await p.tap('巡更情况')
    await p.tap('巡更点、路线、计划设置')
    await p.waitFor('防伪密钥未设置')
    await p.tap('设置防伪密钥') // the first point's
    await p.fill('SDMMetaReadKey（解密读数）', META.slice(0, 30))
    await p.fill('SDMFileReadKey（校验签名）', FILE)
    await p.tap('保存密钥')
    await p.waitFor('应为32位十六进制密钥（现在 30 位）')
    expect(await store().count('tagkeys', {})).toBe(0)
    await p.fill('SDMMetaReadKey（解密读数）', META)
    await p.tap('保存密钥')
    await p.waitFor('防伪密钥已设置')
    expect(p.visibleText()).not.toContain(META)
    expect(p.visibleText()).not.toContain(FILE)
    const signed = await until('the keys on the server', async () => {
      const all = (await store().find<Doc<{ _id: string; _v: number; file: string }>>('tagkeys', {})).items
      return all.length === 1 ? all[0] : undefined
    })
    expect(signed.file).toBe(FILE)
    // the two points the test's tags are at get the same keys (the screen's first point is 1栋大堂)
    for (const id of ['demo-cp-2', 'demo-cp-3'])
      await asSupervisor('patrol.checkpointSunKey', { id, sunMetaKey: META, sunFileKey: FILE })
  })

  it('a patrol phone taps the signed tag: stored as the strongest evidence; a copy of an older read is refused', async () => {
    // the tag at 消防泵房 was last read with counter 10 (the server keeps the last accepted)
    const k3 = await store().get<Doc<{ _id: string; _v: number; lastCounter: number }>>(
      'tagkeys',
      'demo-cp-3'
    )
    await store().update('tagkeys', 'demo-cp-3', k3!._v, { lastCounter: 10 })
    const p = await person('李巡')
    await p.tap('巡更路线与打点')
    await p.tap('开始巡更')
    await p.waitFor('已巡 0 / 4 个点')
    // a fresh read at 地下车库入口: the encrypted form, given as records in a message
    await p.tap('NFC 感应打点')
    p.nfcTag(UID, { uri: `https://tags.example.cn/p?${makeSunMessage(keys, UID, 7)}` })
    await p.waitFor('全部正常，打点')
    await p.tap('全部正常，打点')
    await p.waitFor('已巡 1 / 4 个点')
    const scan = await until('the NFC scan on the server', async () => {
      const s = (await store().find<Doc<Scan>>('scans', { where: { staffId: 'demo-patrol' } })).items
      return s.length === 1 ? s[0] : undefined
    })
    expect(scan).toMatchObject({ checkpointId: 'demo-cp-2', method: 'nfc', evidence: { level: 'strong' } })
    // a copy of read 9 at 消防泵房 (plain form, the record given as the message itself)
    await p.tap('NFC 感应打点')
    p.nfcTag(UID3, {
      uri: `https://tags.example.cn/p?${makePlainSunMessage(keys.file, UID3, 9)}`,
      flat: true
    })
    await p.waitFor('全部正常，打点')
    await p.tap('全部正常，打点')
    await p.go('/pages/me/index')
    await p.waitFor(/服务器未接收：这个 NFC 标签的读数已经用过了/)
    expect(await store().count('scans', { checkpointId: 'demo-cp-3' })).toBe(0)
  })
})
