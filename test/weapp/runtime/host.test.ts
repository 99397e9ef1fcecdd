/** The host itself: what it refuses has to fail, or the flows prove nothing. */
import { startWorld, type World } from './env'

let world: World
beforeAll(async () => {
  world = await startWorld()
})
afterAll(() => world?.close())

it('a wx API the host does not implement throws and fails the phone; a name WeChat does not have is undefined', async () => {
  const p = world.phone('probe')
  await p.launch()
  p.assertHealthy()
  expect(Object.keys(p.wx)).toContain('openBluetoothAdapter')
  expect(() => p.wx.openBluetoothAdapter({})).toThrow(/not implemented by the test host/)
  expect(p.wx.noSuchApi).toBeUndefined()
  expect(() => p.assertHealthy()).toThrow(/wx.openBluetoothAdapter is not implemented/)
})

it('a phone has no TextEncoder, window or document, as on WeChat', async () => {
  const p = world.phone('globals')
  await p.launch()
  expect(
    p.globalTypes(['TextEncoder', 'TextDecoder', 'window', 'document', 'process', 'wx', 'getCurrentPages'])
  ).toEqual({
    TextEncoder: 'undefined',
    TextDecoder: 'undefined',
    window: 'undefined',
    document: 'undefined',
    process: 'undefined',
    wx: 'object',
    getCurrentPages: 'function'
  })
})

it('a request to a domain the build was not made for fails the phone', async () => {
  const p = world.phone('domain')
  await p.launch()
  p.assertHealthy()
  await new Promise<void>((resolve) =>
    p.wx.request({ url: 'https://elsewhere.example/api', complete: () => resolve() })
  )
  expect(() => p.assertHealthy()).toThrow(/not the request domain/)
})

it('an exception in a timer of the app fails the phone (a rejected promise left unhandled fails it too, and jest with it)', async () => {
  const p = world.phone('throws')
  await p.launch()
  p.assertHealthy()
  p.run(`setTimeout(() => { throw new Error('in a timer') }, 0)`)
  await new Promise((r) => setTimeout(r, 50))
  expect(() => p.assertHealthy()).toThrow(/timer threw: Error: in a timer/)
})
