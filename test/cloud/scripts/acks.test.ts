import { makeHarness, ok, code, T0 } from '../harness'
import type { ScriptAckOut, ScriptAckStatus } from '../../../src/domain/contract'
import { SCRIPTS, requireScript } from '../../../src/domain/scripts'
import { hasAnyRole } from '../../../src/domain/roles'

describe('read receipts', () => {
  it('ack keeps one receipt per person and script with the highest version; myAcks returns the caller’s own', async () => {
    const h = await makeHarness()
    const script = requireScript('gate.visitor')
    const original = script.version
    script.version = 3
    try {
      expect(
        ok<ScriptAckOut>(await h.as('demo-guard', 'scripts.ack', { scriptId: 'gate.visitor', version: 2 }))
      ).toEqual({
        scriptId: 'gate.visitor',
        version: 2,
        at: T0
      })
      h.clock.now += 1000
      ok(await h.as('demo-guard', 'scripts.ack', { scriptId: 'gate.visitor', version: 3 }))
      h.clock.now += 1000
      // an older receipt arriving late does not lower it
      expect(
        ok<ScriptAckOut>(await h.as('demo-guard', 'scripts.ack', { scriptId: 'gate.visitor', version: 1 }))
          .version
      ).toBe(3)
      expect(code(await h.as('demo-guard', 'scripts.ack', { scriptId: 'gate.visitor', version: 4 }))).toBe(
        'INVALID_INPUT'
      )
    } finally {
      script.version = original
    }
    expect(code(await h.as('demo-guard', 'scripts.ack', { scriptId: 'nope.script', version: 1 }))).toBe(
      'INVALID_INPUT'
    )
    ok(await h.as('demo-patrol', 'scripts.ack', { scriptId: 'gate.visitor', version: 1 }))
    expect(await h.db.count('scriptacks')).toBe(2)
    const doc = await h.db.get<{ _id: string; _v: number; version: number; staffId: string }>(
      'scriptacks',
      'demo-guard:gate.visitor'
    )
    expect(doc).toMatchObject({ version: 3, staffId: 'demo-guard' })
    expect(ok<ScriptAckOut[]>(await h.as('demo-guard', 'scripts.myAcks', {}))).toEqual([
      { scriptId: 'gate.visitor', version: 3, at: T0 + 1000 }
    ])
    expect(ok<ScriptAckOut[]>(await h.as('demo-cleaner', 'scripts.myAcks', {}))).toEqual([])
  })

  it('ackStatus lists, per person, the scripts for their roles not yet confirmed at the current version', async () => {
    const h = await makeHarness()
    const version = requireScript('gate.visitor').version
    ok(await h.as('demo-guard', 'scripts.ack', { scriptId: 'gate.visitor', version }))
    const status = ok<ScriptAckStatus[]>(await h.as('demo-supervisor', 'scripts.ackStatus', {}))
    expect(status.map((s) => s.staffId)).toEqual([
      'demo-guard',
      'demo-patrol',
      'demo-housekeeper',
      'demo-cleaner',
      'demo-engineer',
      'demo-service',
      'demo-supervisor',
      'demo-admin'
    ])
    const guard = status.find((s) => s.staffId === 'demo-guard')!
    const forGuards = SCRIPTS.filter((s) => hasAnyRole(['guard'], s.roles))
    expect(guard.outdated).toHaveLength(forGuards.length - 1)
    expect(guard.outdated.some((o) => o.scriptId === 'gate.visitor')).toBe(false)
    expect(guard.outdated[0]).toEqual({
      scriptId: forGuards.find((s) => s.id !== 'gate.visitor')!.id,
      title: expect.any(String),
      version: 1
    })
    const cleaner = status.find((s) => s.staffId === 'demo-cleaner')!
    expect(cleaner.outdated.every((o) => hasAnyRole(['cleaner'], requireScript(o.scriptId).roles))).toBe(true)
    expect(cleaner.outdated.some((o) => o.scriptId === 'gate.visitor')).toBe(false)
  })

  it('a new version shows up as outdated with the version the person confirmed', async () => {
    const h = await makeHarness()
    ok(await h.as('demo-guard', 'scripts.ack', { scriptId: 'gate.visitor', version: 1 }))
    const script = requireScript('gate.visitor')
    const original = script.version
    script.version = 2
    try {
      const status = ok<ScriptAckStatus[]>(await h.as('demo-admin', 'scripts.ackStatus', {}))
      const guard = status.find((s) => s.staffId === 'demo-guard')!
      expect(guard.outdated.find((o) => o.scriptId === 'gate.visitor')).toEqual({
        scriptId: 'gate.visitor',
        title: script.title,
        version: 2,
        ackedVersion: 1
      })
    } finally {
      script.version = original
    }
  })
})
