/**
 * WeChat fails a private API (location and address) that app.json does not declare in
 * requiredPrivateInfos, and wants a permission description for scope.userLocation. This scans
 * src/ (the mini program's code, not the cloud) for every API in WeChat's requiredPrivateInfos
 * list and checks the built app.json declares each one called, and nothing else; and that the
 * README's WeChat section lists the privacy-guide items of the personal-data APIs we call.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(__dirname, '../..')
const dir = resolve(root, process.env.WEAPP_DIR ?? 'dist/weapp-test')

/** WeChat's requiredPrivateInfos list (地理位置接口新增与相关流程调整, 2022-07). */
const PRIVATE_INFOS = [
  'getFuzzyLocation',
  'getLocation',
  'onLocationChange',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'chooseLocation',
  'choosePoi',
  'chooseAddress'
]
const LOCATION = PRIVATE_INFOS.filter((a) => a !== 'chooseAddress')

/** Personal-data APIs and the privacy-guide item (用户隐私保护指引) each needs in the README. */
const PRIVACY_ITEMS: Record<string, RegExp> = {
  getLocation: /位置信息/,
  getFuzzyLocation: /模糊位置信息/,
  chooseLocation: /选中的位置信息/,
  chooseMedia: /选中的照片或视频信息/,
  chooseImage: /选中的照片或视频信息/,
  scanCode: /摄像头/,
  setClipboardData: /剪切板/,
  getClipboardData: /剪切板/,
  getNFCAdapter: /NFC/,
  chooseAddress: /地址/,
  makePhoneCall: /电话/
}

function sources(d: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name)
    if (e.isDirectory()) {
      if (p !== join(root, 'src/cloud')) out.push(...sources(p))
    } else if (/\.(ts|tsx)$/.test(e.name)) out.push(p)
  }
  return out
}

/** API names called as `Taro.x` / `wx.x` anywhere in the app's code. */
export function calledApis(code: string, names: string[]): string[] {
  return names.filter((n) => new RegExp(`\\b(Taro|wx)\\s*\\.\\s*${n}\\b`).test(code))
}

const appCode = sources(join(root, 'src'))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n')

describe('private APIs are declared', () => {
  it('the scan finds calls (and only calls on Taro/wx)', () => {
    expect(calledApis('const r = await Taro.getLocation({})', PRIVATE_INFOS)).toEqual(['getLocation'])
    expect(calledApis('wx.chooseLocation()\nTaro . chooseAddress()', PRIVATE_INFOS)).toEqual([
      'chooseLocation',
      'chooseAddress'
    ])
    expect(calledApis('// getLocation is fine here\nconst getLocationX = 1', PRIVATE_INFOS)).toEqual([])
  })

  it('app.json declares in requiredPrivateInfos exactly the private APIs src/ calls', () => {
    const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as {
      requiredPrivateInfos?: string[]
      permission?: Record<string, { desc?: string }>
    }
    const called = calledApis(appCode, PRIVATE_INFOS)
    expect(called).toContain('getLocation') // services/location.ts
    expect([...(app.requiredPrivateInfos ?? [])].sort()).toEqual([...called].sort())
    // precise and fuzzy location cannot both be declared
    expect(
      called.includes('getFuzzyLocation') &&
        called.some((a) => a !== 'getFuzzyLocation' && LOCATION.includes(a))
    ).toBe(false)
    if (called.some((a) => LOCATION.includes(a)))
      expect(app.permission?.['scope.userLocation']?.desc?.trim()).toBeTruthy()
  })

  it('the privacy check is on and the README lists the privacy-guide item of every personal-data API we call', () => {
    const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as { __usePrivacyCheck__?: boolean }
    expect(app.__usePrivacyCheck__).toBe(true)
    const readme = readFileSync(join(root, 'README.md'), 'utf8')
    const start = readme.indexOf('## WeChat')
    const end = readme.indexOf('\n## ', start + 1)
    const wechat = readme.slice(start, end < 0 ? undefined : end)
    const called = calledApis(appCode, Object.keys(PRIVACY_ITEMS))
    expect(called.length).toBeGreaterThan(3)
    expect(called.filter((a) => !PRIVACY_ITEMS[a].test(wechat) || !wechat.includes(a))).toEqual([])
  })

  it('the build exists', () => {
    expect(existsSync(join(dir, 'app.json'))).toBe(true)
  })
})
