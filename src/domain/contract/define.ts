import * as v from 'valibot'
import type { Role } from '../roles'
import { maskFreeText } from '../privacy'

/** The cloud functions, split by privilege: each is a dispatcher over its own allow-list. */
export type FunctionName = 'auth' | 'staff' | 'admin' | 'cron'

/**
 * Who may call an action:
 * - `public`: no identity needed (sign-in);
 * - `any`: any signed-in, active staff member;
 * - a role list: the caller must hold one of them in the estate the request is for;
 * - `system`: only the timer trigger (never reachable from a client).
 */
export type Access = 'public' | 'any' | 'system' | readonly Role[]

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySchema = v.GenericSchema<any, any>

/** What an action says about itself. Its name is its key in its area's table (`defineActions`). */
export interface ActionSpec<S extends AnySchema, O> {
  fn: FunctionName
  input: S
  access: Access
  /** `estate`: the request names an estate and the caller must work there. */
  scope: 'estate' | 'none'
  /** Writes go through the idempotency log and the audit trail. */
  write: boolean
  summary: string
  /** Phantom: the output type, carried for the typed client. */
  readonly __out?: O
}

/** An action as the registry holds it: its spec and the name it is registered under. */
export interface ActionDef<N extends string, S extends AnySchema, O> extends ActionSpec<S, O> {
  name: N
}

/** `action<Output>()({...})` declares an action's spec; the input type comes from its schema. */
export function action<O>() {
  return <S extends AnySchema>(spec: Omit<ActionSpec<S, O>, '__out'>): ActionSpec<S, O> =>
    spec as ActionSpec<S, O>
}

/** A table of specs with each one's key as its `name`. */
export type Named<T> = { readonly [K in keyof T]: T[K] & { readonly name: K } }

/**
 * An area's actions, each declared once under its name: `defineActions({ 'gate.checkIn': action<Out>()({...}) })`.
 * The name is written once, as the key, and copied onto the definition here.
 */
export function defineActions<T extends { [name: string]: ActionSpec<AnySchema, unknown> }>(
  specs: T
): Named<T> {
  const out: { [name: string]: ActionSpec<AnySchema, unknown> & { name: string } } = {}
  for (const name of Object.keys(specs)) out[name] = { ...specs[name], name }
  return out as Named<T>
}

// ---- shared field schemas: limits live here, once ----
export const id = () => v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不正确'))
/**
 * Free text (a name, note, reason, comment): whole ID numbers and mobile numbers typed into it
 * are masked on the way in (`maskFreeText`, same length), so no store or log keeps them.
 * Secrets and codes that must arrive as typed use `rawText`.
 */
export const text = (max: number, min = 1) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.minLength(min, '不能为空'),
    v.maxLength(max, `最多 ${max} 个字`),
    v.transform(maskFreeText)
  )
export const optText = (max: number) =>
  v.optional(v.pipe(v.string(), v.trim(), v.maxLength(max, `最多 ${max} 个字`), v.transform(maskFreeText)))
/** Text taken exactly as typed: a WeChat login code, the setup token. */
export const rawText = (max: number, min = 1) =>
  v.pipe(v.string(), v.trim(), v.minLength(min, '不能为空'), v.maxLength(max, `最多 ${max} 个字`))
export const epochMs = () => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(4102444800000))
/** 'HH:mm' in estate time. */
export const clockTime = () => v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm'))
/** Days of the week, 0 = Sunday … 6 = Saturday; at least one. */
export const weekdays = () =>
  v.pipe(
    v.array(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6))),
    v.minLength(1, '至少选一天'),
    v.maxLength(7)
  )
/** A local day, 'YYYY-MM-DD' in estate time. */
export const localDay = () => v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'))
/** Latitude and longitude on the globe. */
const latLng = () => ({
  lat: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
  lng: v.pipe(v.number(), v.minValue(-180), v.maxValue(180))
})
/** Where the phone was (a scan, a report): its position and how accurate it says it is. */
export const devicePosition = () =>
  v.strictObject({ ...latLng(), accuracyM: v.pipe(v.number(), v.minValue(0), v.maxValue(100_000)) })
/** Where a place is and how far around it counts as there (a checkpoint). */
export const placePosition = () =>
  v.strictObject({
    ...latLng(),
    radiusM: v.pipe(v.number(), v.minValue(5, '范围至少5米'), v.maxValue(500, '范围最多500米'))
  })
