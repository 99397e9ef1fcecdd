import * as v from 'valibot'
import { ACTIONS, ACTION_NAMES, type ActionName } from '../../src/domain/contract'
import { makeHarness, code, type Harness } from './harness'
import { EXAMPLES } from './examples'

/** The caller each action is tried as: one who passes its access rule. */
function callerFor(name: ActionName): string {
  const a = ACTIONS[name].access
  if (a === 'public' || a === 'any' || a === 'system') return 'demo-admin'
  return a.includes('admin') ? 'demo-admin' : `demo-${a[0]}`
}

const INJECTIONS = [
  "'; DROP TABLE c_staff; --",
  '{"$gt": ""}',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '\u0000x'
]

/** Invalid variants of a valid input, generated from the input's own shape. */
function variants(valid: Record<string, unknown>): [string, unknown][] {
  const out: [string, unknown][] = [
    ['not an object', 'hello'],
    ['an array', [valid]],
    ['unknown field', { ...valid, extra: 1 }],
    [
      'prototype pollution field',
      JSON.parse(`{"__proto__": {"admin": true}, ${JSON.stringify(valid).slice(1, -1) || '"x":1'}}`)
    ]
  ]
  for (const [k, val] of Object.entries(valid)) {
    const rest = { ...valid }
    delete rest[k]
    out.push([`missing ${k}`, rest])
    out.push([`${k} wrong type (number)`, { ...valid, [k]: 12345 }])
    out.push([`${k} wrong type (object)`, { ...valid, [k]: { $ne: null } }])
    out.push([`${k} null`, { ...valid, [k]: null }])
    if (typeof val === 'string') {
      out.push([`${k} oversized`, { ...valid, [k]: '长'.repeat(5000) }])
      out.push([`${k} empty`, { ...valid, [k]: '' }])
    }
    if (Array.isArray(val)) {
      out.push([`${k} oversized list`, { ...valid, [k]: Array(500).fill(val[0]) }])
      out.push([`${k} list of wrong items`, { ...valid, [k]: [1, 2] }])
    }
  }
  return out
}

/** Fields that hold ids or codes: injection-looking strings must be refused there. */
const ID_FIELDS = new Set(['staffId', 'shiftId', 'code'])

describe('bad input: every action refuses generated invalid payloads and stores nothing', () => {
  let h: Harness
  beforeAll(async () => {
    h = await makeHarness()
  })

  for (const name of ACTION_NAMES) {
    it(`${name}`, async () => {
      const valid = (await EXAMPLES[name](h)) as Record<string, unknown>
      const cases = variants(valid)
      for (const [k, val] of Object.entries(valid))
        if (ID_FIELDS.has(k) && typeof val === 'string')
          for (const inj of INJECTIONS) cases.push([`${k} = ${inj}`, { ...valid, [k]: inj }])
      const def = ACTIONS[name]
      const identity =
        def.access === 'system'
          ? { kind: 'timer' as const }
          : { kind: 'openid' as const, openid: `oid-${callerFor(name)}` }
      for (const [label, input] of cases) {
        // inputs the schema itself accepts are not bad input (e.g. removing an optional field)
        if (v.safeParse(def.input, input).success) continue
        const before = await h.dump()
        const env = await h.raw(
          def.fn,
          { action: name, input, estateId: 'demo-estate', op: h.opSeq() },
          identity
        )
        expect([label, code(env)]).toEqual([label, 'INVALID_INPUT'])
        if (!env.ok) expect(env.message).toMatch(/[\u4e00-\u9fa5]/)
        expect(await h.dump()).toEqual(before)
      }
    })
  }
})
