/**
 * Shared pieces of the gate's cloud tests: valid inputs to vary, a second estate with its own
 * people, and assertions for refusals (stable code, Chinese message, nothing stored).
 */
import { DEMO_ESTATE_ID, T0, makeHarness, ok, type Harness } from '../harness'
import { expectRefused } from '../../kit/expect'
import type { CallOptions } from '../../kit/caller'
import type { ActionName } from '../../../src/domain/contract'
import type { GoodsSlipOut, PassOut } from '../../../src/domain/contract'
import type { Envelope, ErrorCode } from '../../../src/domain/errors'
import { localDate } from '../../../src/domain/time'

export const H = 3600_000
export const DAY = 24 * H
/** A valid resident ID (check character X); tests make sure it never reaches the database. */
export const ID_NUMBER = '11010519491231002X'
export const NO_ID = { type: 'none', last4: '' }
export const TODAY = localDate(T0)

let n = 0
export const uid = (p: string) => `${p}-${++n}-${Math.random().toString(36).slice(2, 8)}`

export const msg = (e: Envelope<unknown>) => (e.ok ? '' : e.message)

/** A walk-in owner's guest, admitted: vary what a test is about. */
export function visitorInput(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: uid('v'),
    gate: '东门',
    source: 'walkin',
    case: 'ownerGuest',
    name: '王小明',
    idDoc: NO_ID,
    idDeposited: false,
    people: 1,
    room: '1-1-101',
    result: 'admitted',
    ...extra
  }
}

export function vehicleInput(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: uid('car'),
    gate: '东门',
    plate: '粤B12345',
    case: 'owner',
    idDeposited: false,
    result: 'admitted',
    ...extra
  }
}

export const ALL_CHECKS = {
  lorry: false,
  signatureOk: true,
  stampOk: true,
  authorityOk: true,
  itemsMatch: true,
  photoIds: [] as string[]
}

export function goodsCheckInput(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: uid('gc'),
    gate: '东门',
    items: [{ name: '旧沙发', qty: 1 }],
    ...ALL_CHECKS,
    result: 'released',
    ...extra
  }
}

export async function makePass(
  h: Harness,
  extra: Record<string, unknown> = {},
  who = 'demo-service',
  estateId?: string
): Promise<PassOut> {
  return ok<PassOut>(
    await h.as(
      who,
      'gate.passCreate',
      {
        id: uid('pass'),
        visitorName: '赵六',
        room: '2-1-302',
        people: 1,
        validFrom: h.clock.now,
        validTo: h.clock.now + 8 * H,
        ...extra
      },
      { estateId }
    )
  )
}

export async function makeGoodsSlip(
  h: Harness,
  extra: Record<string, unknown> = {},
  who = 'demo-service',
  estateId?: string
): Promise<GoodsSlipOut> {
  return ok<GoodsSlipOut>(
    await h.as(
      who,
      'gate.goodsIssue',
      {
        id: uid('gp'),
        holderKind: 'owner',
        holderName: '陈先生',
        room: '1-1-101',
        items: [
          { name: '旧沙发', qty: 1 },
          { name: '纸箱', qty: 3 }
        ],
        signer: '陈先生',
        date: localDate(h.clock.now),
        ...extra
      },
      { estateId }
    )
  )
}

/** A second estate with a guard, a desk and a supervisor of its own, and a guard working both. */
export const OTHER = 'e2'
export async function addOtherEstate(h: Harness): Promise<void> {
  await h.addEstate(OTHER, '别的小区')
  await h.addStaff('g-e2', ['guard'], [OTHER])
  await h.addStaff('desk-e2', ['service'], [OTHER])
  await h.addStaff('sup-e2', ['supervisor'], [OTHER])
  await h.addStaff('g-both', ['guard'], [DEMO_ESTATE_ID, OTHER])
}

/** Everything stored, as text: to look for what must never be there. */
export function dumpAll(h: Harness): Promise<string> {
  return h.text()
}

export function stored<T = Record<string, unknown>>(
  h: Harness,
  coll: string,
  id: string
): Promise<T | undefined> {
  return h.stored<T>(coll, id)
}

export function countWhere(h: Harness, coll: string, field: string, value: string): Promise<number> {
  return h.count(coll, { [field]: value })
}

/**
 * The call is refused with this stable code and a Chinese message (matching `re` when given),
 * and nothing at all was stored: the kit's expectRefused, by staff id.
 */
export function refused(
  h: Harness,
  who: string,
  action: ActionName,
  input: Record<string, unknown>,
  want: ErrorCode,
  re?: RegExp | string,
  extra?: CallOptions
): Promise<string> {
  return expectRefused(h, who, action, input, want, re, extra)
}

/** A fresh demo estate with the second estate's people (addOtherEstate) and a second guard, g2. */
export async function gateHarness(): Promise<Harness> {
  const h = await makeHarness()
  await addOtherEstate(h)
  await h.addStaff('g2', ['guard'])
  return h
}

export { T0, DEMO_ESTATE_ID }
