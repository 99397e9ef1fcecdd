/** The contract: each action declared once under its name, with its output type carried for the client. */
import {
  ACTIONS,
  ACTION_NAMES,
  isActionName,
  type ActionName,
  type InputOf,
  type OutputOf
} from '../../../src/domain/contract'
import { CORE_ACTIONS } from '../../../src/domain/contract/core'
import { GATE_ACTIONS } from '../../../src/domain/contract/gate'
import { PATROL_ACTIONS } from '../../../src/domain/contract/patrol'
import { WORK_ACTIONS } from '../../../src/domain/contract/work'
import { defineActions, action } from '../../../src/domain/contract/define'
import * as v from 'valibot'
import { FIELD_LABELS } from '../../../src/domain/validation'

/** Compile-time equality: `Expect<Equal<A, B>>` fails typecheck unless A and B are the same type. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
type Expect<T extends true> = T

// The output types come through the registry unchanged (not `unknown`), names stay literal.
export type Checks = [
  Expect<Equal<OutputOf<'work.inboxRead'>, { read: number }>>,
  Expect<Equal<OutputOf<'patrol.scan'>['method'], 'nfc' | 'qr' | 'typed'>>,
  Expect<Equal<OutputOf<'work.taskAct'>['overdue'], boolean>>,
  Expect<Equal<(typeof ACTIONS)['gate.checkIn']['name'], 'gate.checkIn'>>,
  Expect<Equal<InputOf<'patrol.end'>, { roundId: string; reason?: string | undefined }>>,
  Expect<Equal<Extract<ActionName, 'cron.sweep'>, 'cron.sweep'>>
]

describe('the contract', () => {
  it('every action carries its own key as its name, in the registry and in each area table', () => {
    for (const name of ACTION_NAMES) expect(ACTIONS[name].name).toBe(name)
    for (const table of [CORE_ACTIONS, GATE_ACTIONS, PATROL_ACTIONS, WORK_ACTIONS])
      for (const [key, def] of Object.entries(table)) expect(def.name).toBe(key)
  })

  it('each action is in exactly one area table', () => {
    const keys = [CORE_ACTIONS, GATE_ACTIONS, PATROL_ACTIONS, WORK_ACTIONS].flatMap((t) => Object.keys(t))
    expect(new Set(keys).size).toBe(keys.length)
    expect(isActionName('cron.sweep')).toBe(true)
    expect(isActionName('toString')).toBe(false)
  })

  it('every input field has a Chinese label, so a refusal never shows a field’s code name', () => {
    const missing: string[] = []
    for (const name of ACTION_NAMES) {
      const input = ACTIONS[name].input as unknown as { entries?: Record<string, unknown> }
      for (const key of Object.keys(input.entries ?? {}))
        if (!FIELD_LABELS[key]) missing.push(`${name}.${key}`)
    }
    expect(missing).toEqual([])
  })

  it('defineActions copies the key and leaves the spec as written', () => {
    const spec = action<{ n: number }>()({
      fn: 'staff',
      input: v.strictObject({}),
      access: 'any',
      scope: 'estate',
      write: false,
      summary: '例'
    })
    const t = defineActions({ 'x.y': spec })
    expect(t['x.y']).toEqual({ ...spec, name: 'x.y' })
    expect(spec).not.toHaveProperty('name')
  })
})
