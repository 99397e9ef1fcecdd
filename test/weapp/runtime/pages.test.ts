/**
 * Every page of the built mini program, for every demo person who can reach it: signed in over
 * HTTP, each work area opened from the home page, then every page of that area's subpackage
 * (and the work pages, 我的, the scripts' run and quiz pages) rendered by Taro's runtime in the
 * host. A page fails when anything throws, a promise is left rejected, React or Taro reports
 * an error, an API the host does not have is called, or it shows no text at all.
 */
import { STAFF, signIn, startWorld, type World } from './env'
import type { Phone } from './host'

let world: World
beforeAll(async () => {
  world = await startWorld()
})
afterAll(() => world?.close())
jest.setTimeout(120_000)

async function shows(phone: Phone, route: string): Promise<string> {
  expect(phone.current?.route).toBe(route)
  await phone
    .waitFor(
      () =>
        phone
          .visibleText()
          .replace(/<tab bar:.*>/, '')
          .trim().length > 0,
      8000
    )
    .catch(() => {
      throw new Error(`${phone.name}: ${route} renders no text`)
    })
  phone.assertHealthy()
  return phone.visibleText()
}

async function back(phone: Phone) {
  await phone.go('/pages/home/index')
  phone.assertHealthy()
}

describe.each(STAFF.map((n) => [n]))('%s', (name) => {
  it('reaches and renders every page of each of their areas', async () => {
    const phone = world.phone(name)
    await signIn(phone, name)
    await shows(phone, 'pages/home/index')
    const seen = new Set<string>(['pages/home/index'])
    const areas = phone.find(/.+/, 'area-title').map((e) => e.text)
    expect(areas.length).toBeGreaterThan(0)
    const subs = phone.app.subPackages ?? []
    for (const area of areas) {
      await phone.tap(area, { cls: 'area-title' })
      await phone.waitFor(() => phone.current?.route !== 'pages/home/index')
      const entry = phone.current!.route
      await shows(phone, entry)
      seen.add(entry)
      const sub = subs.find((s) => entry.startsWith(`${s.root}/`))
      expect(sub).toBeDefined()
      for (const p of sub!.pages) {
        const route = `${sub!.root}/${p}`
        if (seen.has(route)) continue
        if (route === 'pages/scripts/run/index' || route === 'pages/scripts/quiz/index') continue
        await phone.go(`/${route}`)
        await shows(phone, route)
        seen.add(route)
        await phone.go(`/pages/home/index`)
      }
      if (sub!.root === 'pages/scripts') {
        // a script opens from the list with its id; its quiz from the script
        await phone.go('/pages/scripts/index')
        const first = phone.find(/.+/, 'script-title')[0]
        expect(first).toBeDefined()
        await phone.tap(first)
        await phone.waitFor(() => phone.current?.route === 'pages/scripts/run/index')
        await shows(phone, 'pages/scripts/run/index')
        seen.add('pages/scripts/run/index')
        const quiz = phone.find(/测验|考一考|自测/)[0]
        if (quiz) {
          await phone.tap(quiz)
          await phone.waitFor(() => phone.current?.route === 'pages/scripts/quiz/index')
          await shows(phone, 'pages/scripts/quiz/index')
          seen.add('pages/scripts/quiz/index')
        }
      }
      await back(phone)
    }
    // everyone: 一键报事, their tasks and follow-ups, and 我的
    for (const route of ['pages/work/report/index', 'pages/work/tasks/index', 'pages/work/followup/index']) {
      if (seen.has(route)) continue
      await phone.go(`/${route}`)
      await shows(phone, route)
      seen.add(route)
      await back(phone)
    }
    await phone.tapTab('我的')
    await shows(phone, 'pages/me/index')
    seen.add('pages/me/index')
    await phone.tapTab('工作台')
    await shows(phone, 'pages/home/index')
    phone.assertHealthy()
    expect([...seen].length).toBeGreaterThan(4)
  })
})

it('the signed-out launch shows the login page with the demo list', async () => {
  const phone = world.phone('new')
  await phone.launch()
  await phone.waitFor(/^张卫国 · /)
  expect(await shows(phone, 'pages/login/index')).toContain('演示登录')
})
