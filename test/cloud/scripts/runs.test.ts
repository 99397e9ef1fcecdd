import { makeHarness, ok, code, T0 } from '../harness'
import { visitorRunB } from '../examples'
import type { ScriptAckStatus, ScriptRunItem, ScriptRunOut } from '../../../src/domain/contract'
import type { ScriptRun } from '../../../src/domain/entities'
import {
  SCRIPTS,
  enumeratePaths,
  outcome,
  requireScript,
  walk,
  type Script
} from '../../../src/domain/scripts'

type RunDoc = ScriptRun & { [k: string]: unknown }

describe('scripts.recordRun', () => {
  it('stores the run with the caller’s identity and estate, the device time, and an audit record', async () => {
    const h = await makeHarness()
    const op = { id: 'op-run-000001', deviceTime: T0 - 5000 }
    const out = ok<ScriptRunOut>(await h.as('demo-guard', 'scripts.recordRun', visitorRunB('run1'), { op }))
    expect(out).toEqual({
      id: 'run1',
      scriptId: 'gate.visitor',
      version: requireScript('gate.visitor').version,
      outcome: 'visitor.admitted',
      at: T0
    })
    const doc = await h.db.get<RunDoc>('scriptruns', 'run1')
    expect(doc).toMatchObject({
      estateId: 'demo-estate',
      staffId: 'demo-guard',
      staffName: '张卫国',
      title: requireScript('gate.visitor').title,
      version: requireScript('gate.visitor').version,
      outcome: 'visitor.admitted',
      outcomeLabel: expect.stringMatching(/[\u4e00-\u9fa5]/),
      deviceTime: T0 - 5000,
      at: T0,
      durationMs: 60_000
    })
    expect(doc?.answers).toMatchObject({ case: 'B', appointment: 'yes', hostCall: 'agreed', room: '1-1-101' })
    expect(doc?.path[0]).toBe('greet')
    const audit = await h.db.find('audit', { where: { docId: 'run1' } })
    expect(audit.items).toHaveLength(1)
    expect(audit.items[0]).toMatchObject({
      action: 'scripts.recordRun',
      actorId: 'demo-guard',
      opId: 'op-run-000001'
    })
  })

  it('never takes who or where from the input', async () => {
    const h = await makeHarness()
    const env = await h.as('demo-guard', 'scripts.recordRun', {
      ...visitorRunB('run2'),
      staffId: 'demo-admin'
    })
    expect(code(env)).toBe('INVALID_INPUT')
    expect(await h.db.count('scriptruns')).toBe(0)
  })

  it('refuses an unknown script, a version newer than the library, and a path the script does not allow', async () => {
    const h = await makeHarness()
    const before = await h.dump()
    const cases: [string, Record<string, unknown>, string][] = [
      ['unknown script', { ...visitorRunB('bad1'), scriptId: 'gate.nothing' }, 'scriptId'],
      [
        'future version',
        { ...visitorRunB('bad2'), version: requireScript('gate.visitor').version + 1 },
        'version'
      ],
      ['zero version', { ...visitorRunB('bad3'), version: 0 }, 'version'],
      ['fractional version', { ...visitorRunB('bad4'), version: 1.5 }, 'version'],
      [
        'path not from the start',
        { ...visitorRunB('bad5'), path: ['b.call', 'b.register', 'end.admitted'] },
        'path'
      ],
      ['path with a jump', { ...visitorRunB('bad6'), path: ['greet', 'end.admitted'] }, 'path'],
      ['outcome not at the end', { ...visitorRunB('bad7'), outcome: 'visitor.refused' }, 'outcome'],
      ['finished before it started', { ...visitorRunB('bad8'), finishedAt: T0 - 1 }, 'finishedAt'],
      ['answers with a bad key', { ...visitorRunB('bad9'), answers: { 'no good': 'x' } }, 'answers'],
      ['too many steps', { ...visitorRunB('bad10'), path: Array(201).fill('greet') }, 'path']
    ]
    for (const [label, input, field] of cases) {
      const env = await h.as('demo-guard', 'scripts.recordRun', input)
      expect([label, code(env)]).toEqual([label, 'INVALID_INPUT'])
      if (!env.ok) {
        expect(env.message).toMatch(/[\u4e00-\u9fa5]/)
        expect(env.details?.[0]?.field?.split('.')[0]).toBe(field)
      }
    }
    expect(await h.dump()).toEqual(before)
  })

  it('accepts a run of an older version as it was run (its path cannot be checked any more)', async () => {
    const h = await makeHarness()
    const script = requireScript('gate.visitor')
    // Pretend the library moved on: the phone still had version 1, the server knows version 2.
    const original = script.version
    script.version = 2
    try {
      const input = { ...visitorRunB('old1'), version: 1, path: ['greet', 'retired.step', 'end.admitted'] }
      ok(await h.as('demo-guard', 'scripts.recordRun', input))
      expect(await h.db.get<RunDoc>('scriptruns', 'old1')).toMatchObject({
        version: 1,
        outcome: 'visitor.admitted'
      })
    } finally {
      script.version = original
    }
  })

  it('a second run with the same id is a duplicate; the same operation sent again is a replay', async () => {
    const h = await makeHarness()
    const op = { id: 'op-run-000010', deviceTime: T0 }
    const first = await h.as('demo-guard', 'scripts.recordRun', visitorRunB('dup1'), { op })
    expect(code(first)).toBe('OK')
    h.clock.now += 30_000
    const again = await h.as('demo-guard', 'scripts.recordRun', visitorRunB('dup1'), { op })
    expect(again).toMatchObject({ ok: true, replayed: true })
    if (again.ok && first.ok) expect(again.data).toEqual(first.data)
    expect(code(await h.as('demo-guard', 'scripts.recordRun', visitorRunB('dup1')))).toBe('DUPLICATE')
    // the same op id with another body is refused, not applied
    expect(code(await h.as('demo-guard', 'scripts.recordRun', visitorRunB('dup2'), { op }))).toBe(
      'IDEMPOTENCY_MISMATCH'
    )
    expect(await h.db.count('scriptruns')).toBe(1)
    expect(await h.db.count('audit', { docId: 'dup1' })).toBe(1)
  })
})

/** An answer for every question a script asks, valid for its kind. */
function answersFor(script: Script): Record<string, string> {
  const out: Record<string, string> = {}
  for (const st of Object.values(script.steps))
    if (st.ask)
      out[st.ask.key] =
        st.ask.kind === 'yesno' ? 'yes' : st.ask.kind === 'choice' ? (st.ask.options ?? [])[0] : '测试'
  return out
}

describe('the whole library', () => {
  it('every way through every script is a run the server accepts', async () => {
    const h = await makeHarness()
    let n = 0
    for (const script of SCRIPTS) {
      for (const p of enumeratePaths(script)) {
        const o = outcome(script, walk(script, p.moves, T0, answersFor(script)), T0 + 1000)
        const input = {
          id: `all-${++n}`,
          scriptId: o.scriptId,
          version: o.version,
          path: o.path,
          answers: o.answers,
          outcome: o.kind,
          startedAt: o.startedAt,
          finishedAt: o.finishedAt,
          durationMs: o.durationMs
        }
        const env = await h.as('demo-supervisor', 'scripts.recordRun', input)
        expect([script.id, p.steps.join('>'), code(env)]).toEqual([script.id, p.steps.join('>'), 'OK'])
      }
    }
    expect(n).toBeGreaterThan(SCRIPTS.length)
    expect(await h.db.count('scriptruns')).toBe(n)
  })
})

describe('what a supervisor sees', () => {
  it('runs lists the estate’s latest runs, newest first, at most 50', async () => {
    const h = await makeHarness()
    for (let i = 0; i < 52; i++) {
      h.clock.now = T0 + i * 1000
      ok(await h.as(i % 2 ? 'demo-guard' : 'demo-patrol', 'scripts.recordRun', visitorRunB(`r${i}`)))
    }
    const list = ok<ScriptRunItem[]>(await h.as('demo-supervisor', 'scripts.runs', {}))
    expect(list).toHaveLength(50)
    expect(list[0]).toMatchObject({
      id: 'r51',
      staffId: 'demo-guard',
      staffName: '张卫国',
      scriptId: 'gate.visitor',
      title: requireScript('gate.visitor').title,
      outcome: 'visitor.admitted',
      durationMs: 60_000,
      at: T0 + 51_000
    })
    expect(list[1].staffName).toBe('李巡')
    expect(list.map((r) => r.at)).toEqual([...list.map((r) => r.at)].sort((a, b) => b - a))
  })

  it('estates are isolated: runs, receipts and status stay in their own estate', async () => {
    const h = await makeHarness()
    await h.addEstate('other', '别的小区')
    await h.addStaff('guard-other', ['guard'], ['other'])
    await h.addStaff('sup-other', ['supervisor'], ['other'])
    ok(await h.as('demo-guard', 'scripts.recordRun', visitorRunB('mine1')))
    ok(await h.as('guard-other', 'scripts.recordRun', visitorRunB('theirs1'), { estateId: 'other' }))
    ok(
      await h.as(
        'guard-other',
        'scripts.ack',
        { scriptId: 'gate.visitor', version: requireScript('gate.visitor').version },
        { estateId: 'other' }
      )
    )
    expect((await h.db.get<RunDoc>('scriptruns', 'theirs1'))?.estateId).toBe('other')
    const here = ok<ScriptRunItem[]>(await h.as('demo-supervisor', 'scripts.runs', {}))
    expect(here.map((r) => r.id)).toEqual(['mine1'])
    const there = ok<ScriptRunItem[]>(await h.as('sup-other', 'scripts.runs', {}, { estateId: 'other' }))
    expect(there.map((r) => r.id)).toEqual(['theirs1'])
    const status = ok<ScriptAckStatus[]>(await h.as('demo-supervisor', 'scripts.ackStatus', {}))
    expect(status.some((s) => s.staffId === 'guard-other' || s.staffId === 'sup-other')).toBe(false)
    const otherStatus = ok<ScriptAckStatus[]>(
      await h.as('sup-other', 'scripts.ackStatus', {}, { estateId: 'other' })
    )
    expect(otherStatus.map((s) => s.staffId)).toEqual(['guard-other', 'sup-other'])
    expect(otherStatus[0].outdated.some((o) => o.scriptId === 'gate.visitor')).toBe(false)
  })
})
