/**
 * The gate's state machines. Each transition names the states it may start from; anything
 * else is a conflict the server reports (checking out a visitor someone already checked out).
 */
import { DAY_MS } from '../time'

export type VisitorStatus = 'inside' | 'left' | 'refused'
export type VehicleStatus = 'inside' | 'left' | 'refused'
export type PassStatus = 'active' | 'used' | 'revoked'
export type GoodsSlipStatus = 'issued' | 'released' | 'refused' | 'revoked'

export interface Transition<S extends string> {
  from: readonly S[]
  to: S
  /** Chinese reason when the current state does not allow it. */
  conflict: (current: S) => string
}

const VISITOR_WORDS: Record<VisitorStatus, string> = {
  inside: '在园内',
  left: '已离开',
  refused: '已被拒绝进入'
}

export const VISITOR = {
  checkOut: {
    from: ['inside'],
    to: 'left',
    conflict: (s) => `这位访客${VISITOR_WORDS[s]}，不能再登记离开`
  } satisfies Transition<VisitorStatus>
}

const VEHICLE_WORDS: Record<VehicleStatus, string> = {
  inside: '在园内',
  left: '已出场',
  refused: '已被拒绝进入'
}
export const VEHICLE = {
  exit: {
    from: ['inside'],
    to: 'left',
    conflict: (s) => `这辆车${VEHICLE_WORDS[s]}，不能再登记出场`
  } satisfies Transition<VehicleStatus>
}

const PASS_WORDS: Record<PassStatus, string> = { active: '有效', used: '已使用', revoked: '已作废' }
export const PASS = {
  use: {
    from: ['active'],
    to: 'used',
    conflict: (s) => `这张通行证${PASS_WORDS[s]}`
  } satisfies Transition<PassStatus>,
  revoke: {
    from: ['active'],
    to: 'revoked',
    conflict: (s) => `这张通行证${PASS_WORDS[s]}，不能作废`
  } satisfies Transition<PassStatus>
}

const GOODS_WORDS: Record<GoodsSlipStatus, string> = {
  issued: '待出门',
  released: '已放行',
  refused: '已被拒绝',
  revoked: '已作废'
}
export const GOODS_SLIP = {
  release: {
    from: ['issued'],
    to: 'released',
    conflict: (s) => `这张放行条${GOODS_WORDS[s]}`
  } satisfies Transition<GoodsSlipStatus>,
  refuse: {
    from: ['issued'],
    to: 'refused',
    conflict: (s) => `这张放行条${GOODS_WORDS[s]}`
  } satisfies Transition<GoodsSlipStatus>,
  revoke: {
    from: ['issued'],
    to: 'revoked',
    conflict: (s) => `这张放行条${GOODS_WORDS[s]}，不能作废`
  } satisfies Transition<GoodsSlipStatus>
}

/** The next state, or the Chinese reason it is not allowed. */
export function step<S extends string>(
  t: Transition<S>,
  current: S
): { ok: true; to: S } | { ok: false; reason: string } {
  return (t.from as readonly string[]).includes(current)
    ? { ok: true, to: t.to }
    : { ok: false, reason: t.conflict(current) }
}

export { DAY_MS }

/** Why a pre-registered pass cannot be used now, or undefined when it can. */
export function passProblem(
  pass: { status: PassStatus; estateId: string; validFrom: number; validTo: number },
  estateId: string,
  now: number
): string | undefined {
  if (pass.estateId !== estateId) return '这张通行证不是本小区的'
  if (pass.status !== 'active')
    return step(PASS.use, pass.status).ok ? undefined : PASS.use.conflict(pass.status)
  if (now < pass.validFrom) return '还没到通行证的有效时间'
  if (now > pass.validTo) return '通行证已过期'
  return undefined
}

/** Construction: temporary passes last at most three days; long-term work needs a valid permit. */
export const TEMP_CONSTRUCTION_MAX_DAYS = 3

export function permitProblem(
  permit: { validFrom: number; validTo: number },
  now: number
): string | undefined {
  if (permit.validTo < permit.validFrom) return '施工许可证的有效期不正确'
  if (now < permit.validFrom) return '施工许可证还没有生效'
  if (now > permit.validTo) return '施工许可证已过期，不能进场施工'
  return undefined
}

export function tempPassExpiry(now: number, days: number): number | { problem: string } {
  if (!Number.isInteger(days) || days < 1) return { problem: '临时施工证至少1天' }
  if (days > TEMP_CONSTRUCTION_MAX_DAYS) return { problem: '临时施工证最长3天，超过3天请办理长期施工许可' }
  return now + days * DAY_MS
}

/** Overstay: still inside longer than the estate allows (4 hours unless the estate says otherwise). */
export const DEFAULT_OVERSTAY_MS = 4 * 3600_000
export function isOverstay(inAt: number, now: number, limitMs = DEFAULT_OVERSTAY_MS): boolean {
  return now - inAt > limitMs
}

/** Six digits that a person can read out; never starting with 0 so it is not mistaken for a phone prefix. */
export function passCode(random: () => number): string {
  return String(100000 + Math.floor(random() * 900000))
}
