import { runRecord, recordOf } from '../../../../src/domain/scripts/record'
import { outcome, walk, ScriptError, start } from '../../../../src/domain/scripts/engine'
import { requireScript } from '../../../../src/domain/scripts'
import { SCRIPTS_ACTIONS } from '../../../../src/domain/contract/scripts'
import * as v from 'valibot'

const T0 = Date.UTC(2026, 0, 5, 1, 0, 0) // 09:00 in China

describe('runRecord: a finished run becomes its record', () => {
  const visitor = requireScript('gate.visitor')
  const run = walk(visitor, ['B 访客找业主', '已约好', '业主同意', '已登记、发来访卡'], T0, {
    room: '3-1-502'
  })

  it('carries the run’s path, answers, outcome kind and times under the given id', () => {
    const r = runRecord(visitor, run, T0 + 45_000, 'run-1')
    expect(r).toEqual({
      id: 'run-1',
      scriptId: 'gate.visitor',
      version: visitor.version,
      path: ['greet', 'b.appointment', 'b.call', 'b.register', 'end.admitted'],
      answers: run.answers,
      outcome: 'visitor.admitted',
      startedAt: T0,
      finishedAt: T0 + 45_000,
      durationMs: 45_000
    })
    expect(r.answers).toMatchObject({ case: 'B', room: '3-1-502', hostCall: 'agreed' })
  })

  it('is what scripts.recordRun accepts, and shares nothing with the run it came from', () => {
    const r = recordOf(outcome(visitor, run, T0 + 1000), 'run-2')
    expect(v.safeParse(SCRIPTS_ACTIONS['scripts.recordRun'].input, r).success).toBe(true)
    r.path.push('x')
    r.answers.extra = 'y'
    expect(run.path).not.toContain('x')
    expect(run.answers.extra).toBeUndefined()
  })

  it('a run that has not reached an end has no record', () => {
    expect(() => runRecord(visitor, start(visitor, T0), T0, 'run-3')).toThrow(ScriptError)
  })
})
