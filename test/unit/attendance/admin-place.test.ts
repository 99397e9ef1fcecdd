/** The admin's attendance settings of a gate: the form checked in Chinese, saved with estates.gateSave on the real backend. */
import { makeBackend } from '../stores/backend'
import { sessionStore } from '../../kit/session'
import { PlaceEditor, placeFromForm } from '../../../src/pages/admin/estate/place'

describe('placeFromForm', () => {
  it('reads a position, radius and BSSIDs (normalized, duplicates once)', () => {
    expect(
      placeFromForm({
        lat: '22.54',
        lng: '114.05',
        radius: '80',
        wifi: 'AA-BB-CC-DD-EE-FF, aa:bb:cc:dd:ee:ff 11:22:33:44:55:66'
      })
    ).toEqual({
      position: { lat: 22.54, lng: 114.05, radiusM: 80 },
      wifi: ['aa:bb:cc:dd:ee:ff', '11:22:33:44:55:66']
    })
  })
  it('no position typed: none', () => {
    expect(placeFromForm({ lat: '', lng: ' ', radius: '100', wifi: '' })).toEqual({
      position: null,
      wifi: []
    })
  })
  it.each([
    [{ lat: '22.5', lng: '', radius: '100', wifi: '' }, '经度不正确'],
    [{ lat: '95', lng: '114', radius: '100', wifi: '' }, '纬度不正确'],
    [{ lat: '22.5', lng: '114', radius: '2', wifi: '' }, '范围应在5到500米之间'],
    [{ lat: '', lng: '', radius: '100', wifi: 'nope' }, 'Wi-Fi 的 BSSID 格式不正确：nope']
  ])('%j: %s', (f, problem) => {
    expect(placeFromForm(f)).toEqual({ problem })
  })
})

describe('PlaceEditor', () => {
  it('fills the phone’s position and Wi-Fi and saves them on the gate', async () => {
    const b = await makeBackend()
    const { s, api } = sessionStore(b)
    expect(await s.signInDemo('demo-admin')).toBe(true)
    const gate = (await api()('estates.detail', {})).gates[0]
    const e = new PlaceEditor({
      api,
      here: async () => ({ lat: 22.5412345, lng: 114.0512345 }),
      bssid: async () => 'A0:B1:C2:D3:E4:F5'
    })
    e.open(gate)
    await e.useHere()
    await e.useWifi()
    e.set('radius', '150')
    expect(await e.save()).toBe(true)
    expect(e.gate).toBeUndefined()
    const again = (await api()('estates.detail', {})).gates.find((g) => g.id === gate.id)
    expect(again?.position).toEqual({ lat: 22.541235, lng: 114.051235, radiusM: 150 })
    expect(again?.wifi).toEqual(['a0:b1:c2:d3:e4:f5'])
  })

  it('says why when there is no position or Wi-Fi', async () => {
    const e = new PlaceEditor({
      api: () => {
        throw new Error('not used')
      },
      here: async () => ({ reason: '定位超时' }),
      bssid: async () => undefined
    })
    e.open({ id: 'g', name: '东门', kind: 'gate' })
    await e.useHere()
    expect(e.error).toBe('定位超时')
    await e.useWifi()
    expect(e.error).toContain('没有读到当前连接的 Wi-Fi')
    expect(e.form.lat).toBe('')
  })
})
