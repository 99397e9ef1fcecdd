/**
 * The front desk's rules, pure with time passed in: a pass's validity window and how it is read
 * out, the pass and goods-slip forms as typed (what is missing, and the input they make), and
 * how each reads as a line of the desk's recent list.
 */
import { estateTime } from '../dates'
import { maskPhone } from '../privacy'
import { dayStart, localDate } from '../time'
import type { GoodsSlip, VisitorPass } from './entities'
import { GOODS_SLIP, PASS, type GoodsSlipStatus, type PassStatus } from './machines'
import { formatPlate, normalizePlate, plateProblem } from './plates'

const DAY = 86_400_000

/** The quick choices for a pass's window, in estate time. */
export type PassWindow = 'today' | 'tomorrow' | 'three'
export const PASS_WINDOWS: { v: PassWindow; label: string }[] = [
  { v: 'today', label: '今天' },
  { v: 'tomorrow', label: '明天' },
  { v: 'three', label: '3天内' }
]
/** today: now → 23:59; tomorrow: all of tomorrow; three: now → the end of the day after tomorrow. */
export function passWindow(w: PassWindow, now: number): { validFrom: number; validTo: number } {
  const d0 = dayStart(now)
  if (w === 'tomorrow') return { validFrom: d0 + DAY, validTo: d0 + 2 * DAY - 1 }
  return { validFrom: now, validTo: d0 + (w === 'three' ? 3 : 1) * DAY - 1 }
}

const NEAR_DAYS: Record<number, string> = { [-1]: '昨天', 0: '今天', 1: '明天', 2: '后天' }
/** 今天 18:53 / 明天 00:00 / 11月26日 23:59: a time either side of now, with its day always said. */
export function whenText(t: number, now: number): string {
  const d = estateTime(t)
  const days = Math.round((dayStart(t) - dayStart(now)) / DAY)
  return `${NEAR_DAYS[days] ?? d.format('M月D日')} ${d.format('HH:mm')}`
}
/** A pass's window as the desk reads it to the visitor. */
export function windowText(w: { validFrom: number; validTo: number }, now: number): string {
  return `${whenText(w.validFrom, now)} 至 ${whenText(w.validTo, now)}`
}

/** What a form makes: the input to send, or the first problem to show (in Chinese). */
export type FormResult<T> = { ok: true; input: T } | { ok: false; problem: string }

export interface PassForm {
  name: string
  phone: string
  room: string
  people: number
  plate: string
  when: PassWindow
  note: string
}
/** What the desk sends for a pass: the pass's own fields (the server adds code, status, who). */
export type PassFormInput = Pick<
  VisitorPass,
  'visitorName' | 'visitorPhone' | 'room' | 'people' | 'plate' | 'validFrom' | 'validTo' | 'note'
>
/** A visitor pass as typed at the desk: name and room are needed, a plate must be a plate. */
export function passFormInput(f: PassForm, now: number): FormResult<PassFormInput> {
  if (!f.name.trim()) return { ok: false, problem: '请填写访客姓名' }
  if (!f.room.trim()) return { ok: false, problem: '请填写拜访的房号' }
  const plate = f.plate ? plateProblem(f.plate) : undefined
  if (plate) return { ok: false, problem: plate }
  return {
    ok: true,
    input: {
      visitorName: f.name.trim(),
      visitorPhone: f.phone.trim() || undefined,
      room: f.room.trim(),
      people: f.people,
      plate: f.plate ? normalizePlate(f.plate) : undefined,
      ...passWindow(f.when, now),
      note: f.note.trim() || undefined
    }
  }
}

export interface GoodsForm {
  kind: 'owner' | 'contractor'
  name: string
  room: string
  items: { name: string; qty: number }[]
  signer: string
  day: 'today' | 'tomorrow'
  note: string
}
/** What the desk sends for a goods slip: the slip's own fields (`date`: the estate day it may leave on). */
export type GoodsFormInput = Pick<
  GoodsSlip,
  'holderKind' | 'holderName' | 'room' | 'items' | 'signer' | 'date' | 'note'
>
/** A goods release slip as typed: holder, room, at least one item and who signed; blank item lines are dropped. */
export function goodsFormInput(f: GoodsForm, now: number): FormResult<GoodsFormInput> {
  const items = f.items.filter((i) => i.name.trim()).map((i) => ({ name: i.name.trim(), qty: i.qty }))
  if (!f.name.trim()) return { ok: false, problem: '请填写业主或施工单位' }
  if (!f.room.trim()) return { ok: false, problem: '请填写房号' }
  if (!items.length) return { ok: false, problem: '请填写至少一种物品' }
  if (!f.signer.trim()) return { ok: false, problem: '请填写授权签字人' }
  return {
    ok: true,
    input: {
      holderKind: f.kind,
      holderName: f.name.trim(),
      room: f.room.trim(),
      items,
      signer: f.signer.trim(),
      date: localDate(f.day === 'today' ? now : now + DAY),
      note: f.note.trim() || undefined
    }
  }
}

/** One line of the desk's recent list: a pass or a goods slip as the desk reads it. */
export interface DeskRow {
  id: string
  /** code and who */
  title: string
  sub: string
  status: string
  /** still usable, so the desk may void it */
  revocable: boolean
}

const PASS_STATUS: Record<PassStatus, string> = { active: '有效', used: '已使用', revoked: '已作废' }
const GOODS_SLIP_STATUS: Record<GoodsSlipStatus, string> = {
  issued: '待出门',
  released: '已放行',
  refused: '已拒绝',
  revoked: '已作废'
}

type PassLine = Pick<
  VisitorPass,
  'code' | 'visitorName' | 'people' | 'room' | 'visitorPhone' | 'plate' | 'validFrom' | 'validTo' | 'status'
> & { id: string }
/** 123456  王五 等2人 · 2-1-302 · 139****5678 · 粤B·12345 · 今天 18:53 至 今天 23:59 */
export function passRow(p: PassLine, now: number): DeskRow {
  const sub = [
    p.room,
    p.visitorPhone && maskPhone(p.visitorPhone),
    p.plate && formatPlate(p.plate),
    windowText(p, now)
  ]
  return {
    id: p.id,
    title: `${p.code}  ${p.visitorName}${p.people > 1 ? ` 等${p.people}人` : ''}`,
    sub: sub.filter(Boolean).join(' · '),
    status: PASS_STATUS[p.status],
    revocable: (PASS.revoke.from as readonly PassStatus[]).includes(p.status)
  }
}

type GoodsSlipLine = Pick<GoodsSlip, 'code' | 'holderName' | 'room' | 'items' | 'date' | 'status'> & {
  id: string
}
/** 654321  陈先生 · 1-1-101 · 沙发×1、纸箱×3 · 2026-11-30 */
export function goodsSlipRow(g: GoodsSlipLine): DeskRow {
  return {
    id: g.id,
    title: `${g.code}  ${g.holderName}`,
    sub: `${g.room} · ${g.items.map((i) => `${i.name}×${i.qty}`).join('、')} · ${g.date}`,
    status: GOODS_SLIP_STATUS[g.status],
    revocable: (GOODS_SLIP.revoke.from as readonly GoodsSlipStatus[]).includes(g.status)
  }
}
