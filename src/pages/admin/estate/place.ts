/**
 * Attendance settings of one gate or post on the admin's estate screen: its position and radius
 * (where a clock-in counts as at the post) and its Wi-Fi BSSIDs. The form is text as typed;
 * placeFromForm checks it in Chinese before estates.gateSave, which checks it again.
 */
import { makeAutoObservable, runInAction } from 'mobx'
import type { GateItem } from '../../../domain/contract'
import { normalizeBssid } from '../../../domain/attendance/place'
import type { Api } from '../../../stores/api'
import { loadActions, messageOf } from '../../../stores/api'
import { ESTATES_ACTIONS } from '../../../domain/contract/estates'

loadActions(ESTATES_ACTIONS)

export interface PlaceForm {
  lat: string
  lng: string
  radius: string
  /** BSSIDs separated by commas or spaces */
  wifi: string
}

export interface PlaceOut {
  position: { lat: number; lng: number; radiusM: number } | null
  wifi: string[]
}

export function placeForm(g: GateItem): PlaceForm {
  return {
    lat: g.position ? String(g.position.lat) : '',
    lng: g.position ? String(g.position.lng) : '',
    radius: g.position ? String(g.position.radiusM) : '100',
    wifi: (g.wifi ?? []).join(', ')
  }
}

/** The form as estates.gateSave takes it, or the problem in Chinese. No position typed: none (null). */
export function placeFromForm(f: PlaceForm): PlaceOut | { problem: string } {
  const wifiIn = f.wifi.split(/[\s,，;；]+/).filter(Boolean)
  const wifi: string[] = []
  for (const w of wifiIn) {
    const n = normalizeBssid(w)
    if (!n) return { problem: `Wi-Fi 的 BSSID 格式不正确：${w}` }
    if (!wifi.includes(n)) wifi.push(n)
  }
  if (wifi.length > 5) return { problem: '最多5个 Wi-Fi' }
  if (!f.lat.trim() && !f.lng.trim()) return { position: null, wifi }
  const lat = Number(f.lat)
  const lng = Number(f.lng)
  const radiusM = Number(f.radius)
  if (!f.lat.trim() || !Number.isFinite(lat) || lat < -90 || lat > 90) return { problem: '纬度不正确' }
  if (!f.lng.trim() || !Number.isFinite(lng) || lng < -180 || lng > 180) return { problem: '经度不正确' }
  if (!Number.isFinite(radiusM) || radiusM < 5 || radiusM > 500) return { problem: '范围应在5到500米之间' }
  return { position: { lat, lng, radiusM: Math.round(radiusM) }, wifi }
}

export interface PlaceDeps {
  api: () => Api
  /** where the phone is now, or why not */
  here: () => Promise<{ lat: number; lng: number } | { reason: string }>
  /** the connected Wi-Fi's BSSID, or undefined */
  bssid: () => Promise<string | undefined>
}

/** Editing one gate's place at a time. */
export class PlaceEditor {
  gate: GateItem | undefined = undefined
  form: PlaceForm = { lat: '', lng: '', radius: '100', wifi: '' }
  busy = false
  error = ''
  note = ''

  constructor(private deps: PlaceDeps) {
    makeAutoObservable<PlaceEditor, 'deps'>(this, { deps: false })
  }

  open(g: GateItem): void {
    this.gate = g
    this.form = placeForm(g)
    this.error = ''
    this.note = ''
  }

  close(): void {
    this.gate = undefined
  }

  set(k: keyof PlaceForm, v: string): void {
    this.form[k] = v
  }

  async useHere(): Promise<void> {
    this.busy = true
    this.error = ''
    const r = await this.deps.here()
    runInAction(() => {
      this.busy = false
      if ('reason' in r) this.error = r.reason
      else {
        this.form.lat = r.lat.toFixed(6)
        this.form.lng = r.lng.toFixed(6)
        this.note = '已填入当前位置'
      }
    })
  }

  async useWifi(): Promise<void> {
    this.busy = true
    this.error = ''
    const b = await this.deps.bssid()
    runInAction(() => {
      this.busy = false
      const n = normalizeBssid(b)
      if (!n) this.error = '没有读到当前连接的 Wi-Fi（只能在微信里，并连着岗位的 Wi-Fi）'
      else if (this.form.wifi.toLowerCase().includes(n)) this.note = '这个 Wi-Fi 已经在列表里'
      else {
        this.form.wifi = [this.form.wifi.trim(), n].filter(Boolean).join(', ')
        this.note = `已添加 Wi-Fi ${n}`
      }
    })
  }

  /** Saves the place; true when the server has it. */
  async save(): Promise<boolean> {
    const g = this.gate
    if (!g) return false
    const p = placeFromForm(this.form)
    if ('problem' in p) {
      this.error = p.problem
      return false
    }
    this.busy = true
    this.error = ''
    try {
      await this.deps.api()('estates.gateSave', { id: g.id, name: g.name, kind: g.kind, ...p })
      runInAction(() => (this.gate = undefined))
      return true
    } catch (e) {
      runInAction(() => (this.error = messageOf(e)))
      return false
    } finally {
      runInAction(() => (this.busy = false))
    }
  }
}
