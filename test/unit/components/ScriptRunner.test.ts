/**
 * The runner's model: what the gate pages and the scripts pages drive through <ScriptRunner>.
 * (The component itself only renders this model; the e2e and weapp runtime suites tap through it.)
 */
import { ScriptRunModel } from '../../../src/components/ScriptRunner/model'
import {
  requireScript,
  SCRIPT_ERROR_MESSAGES,
  answer,
  choose,
  start,
  type RunState
} from '../../../src/domain/scripts'

const T0 = Date.UTC(2026, 0, 5, 1, 0, 0) // 09:00 in China
const visitor = requireScript('gate.visitor')
const vehicle = requireScript('gate.vehicle')

function setup(script = visitor, init?: RunState) {
  const clock = { now: T0 }
  const ended: RunState[] = []
  const m = new ScriptRunModel(
    script,
    { now: () => clock.now, context: () => ({ gate: '东门' }), onEnd: (r) => ended.push(r) },
    init
  )
  return { m, clock, ended }
}

describe('ScriptRunModel', () => {
  it('fills the lines with the page’s context, the time of the last move and the room answered', () => {
    const { m, clock } = setup()
    expect(m.stepNo).toBe(1)
    expect(m.say[0]).toBe('先生/小姐，请问有什么可以帮到您？')
    expect(m.choose(1)).toBe(true) // B 访客找业主
    expect(m.answer('3-1-502')).toBe(true)
    expect(m.currentAnswer).toBe('3-1-502')
    clock.now += 6 * 3600_000
    expect(m.choose(0)).toBe(true) // 已约好
    expect(m.step.id).toBe('b.call')
    expect(m.fillContext).toMatchObject({ gate: '东门', room: '3-1-502', now: T0 + 6 * 3600_000 })
    expect(m.say[1]).toContain('下午好')
    expect(m.say.join('')).not.toMatch(/[{}]/)
  })

  it('a bad tap keeps the step and shows the engine’s message; the next good move clears it', () => {
    const { m } = setup()
    expect(m.choose(9)).toBe(false)
    expect(m.error).toBe(SCRIPT_ERROR_MESSAGES.SCRIPT_BAD_BRANCH)
    expect(m.stepNo).toBe(1)
    expect(m.choose(1)).toBe(true)
    expect(m.error).toBe('')
  })

  it('back undoes one move, restart goes to the first step, neither past the start', () => {
    const { m } = setup()
    expect(m.canBack).toBe(false)
    expect(m.back()).toBe(false)
    m.choose(1)
    const key = m.stepKey
    expect(m.canBack).toBe(true)
    expect(m.back()).toBe(true)
    expect(m.step.id).toBe('greet')
    m.choose(1)
    expect(m.stepKey).toBe(key)
    m.restart()
    expect(m.stepNo).toBe(1)
    expect(m.run.answers).toEqual({})
  })

  it('calls onEnd once at the end; the end can not be undone or tapped past', () => {
    const { m, ended } = setup()
    m.choose(1)
    m.answer('3-1-502')
    m.choose(0)
    m.choose(0)
    expect(ended).toHaveLength(0)
    expect(m.choose(0)).toBe(true)
    expect(m.done).toBe(true)
    expect(ended).toHaveLength(1)
    expect(ended[0].answers).toMatchObject({ case: 'B', hostCall: 'agreed' })
    expect(m.canBack).toBe(false)
    expect(m.choose(0)).toBe(false)
    expect(ended).toHaveLength(1)
  })

  it('starts from a state the page already has (the vehicle page skips to 询问来意 with the plate)', () => {
    const init = answer(choose(vehicle, start(vehicle, T0), 1, T0), 'plate', '粤B12345')
    const { m } = setup(vehicle, init)
    expect(m.run).toBe(init)
    expect(m.stepNo).toBe(2)
    expect(m.canBack).toBe(true)
  })
})
