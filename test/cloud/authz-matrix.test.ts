import { ACTIONS, ACTION_NAMES, type ActionName } from '../../src/domain/contract'
import { ROLES, type Role } from '../../src/domain/roles'
import { makeHarness, code, type Harness } from './harness'
import { EXAMPLES } from './examples'

const DENIED = new Set(['FORBIDDEN', 'FORBIDDEN_ESTATE', 'UNAUTHENTICATED', 'NOT_BOUND'])

function allowedFor(name: ActionName, role: Role): boolean {
  const a = ACTIONS[name].access
  if (a === 'public' || a === 'any') return true
  if (a === 'system') return false
  return a.includes(role)
}

async function callAs(h: Harness, staffId: string, name: ActionName, estateId?: string) {
  const input = await EXAMPLES[name](h)
  return code(await h.as(staffId, name, input as never, { estateId }))
}

describe('authorization matrix: every action × every role, against the contract', () => {
  let h: Harness
  beforeAll(async () => {
    h = await makeHarness()
    await h.addEstate('other-estate', '别的小区')
    for (const r of ROLES) {
      await h.addStaff(`only-${r}`, [r])
      await h.addStaff(`elsewhere-${r}`, [r], ['other-estate'])
    }
  })

  for (const name of ACTION_NAMES) {
    for (const role of ROLES) {
      const allowed = allowedFor(name, role)
      it(`${name} as ${role}: ${allowed ? 'allowed' : 'denied'}`, async () => {
        const c = await callAs(h, `only-${role}`, name)
        if (allowed) expect(DENIED.has(c)).toBe(false)
        else expect(c).toBe('FORBIDDEN')
      })
    }
    if (ACTIONS[name].scope === 'estate') {
      it(`${name}: refused for a caller of another estate, even one holding every allowed role`, async () => {
        for (const role of ROLES) {
          if (!allowedFor(name, role)) continue
          expect(await callAs(h, `elsewhere-${role}`, name, 'demo-estate')).toBe('FORBIDDEN_ESTATE')
        }
      })
      it(`${name}: refused without an estate, or with one that does not exist`, async () => {
        const role = ROLES.find((r) => allowedFor(name, r))!
        expect(await callAs(h, `only-${role}`, name, 'no-such-estate')).toBe('FORBIDDEN_ESTATE')
      })
    }
    if (ACTIONS[name].access !== 'public') {
      it(`${name}: refused without an identity`, async () => {
        const input = await EXAMPLES[name](h)
        const env = await h.raw(
          ACTIONS[name].fn,
          { action: name, input, estateId: 'demo-estate', op: h.opSeq() },
          { kind: 'none' }
        )
        expect(code(env)).toBe(ACTIONS[name].access === 'system' ? 'FORBIDDEN' : 'UNAUTHENTICATED')
      })
    }
  }
})
