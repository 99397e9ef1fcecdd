import {
  enumeratePaths,
  SCRIPTS,
  validateLibrary,
  validateScript,
  type Problem,
  type Script
} from '../../../../src/domain/scripts'
import { tinyScript } from './fixtures'

const codes = (ps: Problem[]) => ps.map((p) => p.code)

/** Change a fresh copy of the tiny script. */
function broken(edit: (s: Script) => void): Script {
  const s = JSON.parse(JSON.stringify(tinyScript())) as Script
  edit(s)
  return s
}

describe('validateScript', () => {
  test('the fixture itself is clean', () => {
    expect(validateScript(tinyScript())).toEqual([])
  })

  test('a branch to a missing step', () => {
    const ps = validateScript(broken((s) => (s.steps.greet.branches![0].to = 'nowhere')))
    expect(codes(ps)).toContain('TARGET_MISSING')
    expect(ps.find((p) => p.code === 'TARGET_MISSING')).toMatchObject({
      scriptId: 'test.tiny',
      stepId: 'greet'
    })
  })

  test('a next to a missing step', () => {
    expect(codes(validateScript(broken((s) => (s.steps.room.next = 'gone'))))).toContain('TARGET_MISSING')
  })

  test('a missing start step', () => {
    expect(codes(validateScript(broken((s) => (s.start = 'nope'))))).toContain('START_MISSING')
  })

  test('a dead end: no next, no branches, no outcome', () => {
    const ps = validateScript(broken((s) => delete s.steps.room.next))
    expect(codes(ps)).toContain('DEAD_END')
  })

  test('a cycle without exit', () => {
    const s = broken((s) => {
      s.steps.loopA = { id: 'loopA', do: ['A'], next: 'loopB' }
      s.steps.loopB = { id: 'loopB', do: ['B'], next: 'loopA' }
      s.steps.greet.branches!.push({ label: '进入死循环', to: 'loopA' })
    })
    const ps = validateScript(s)
    expect(codes(ps)).toContain('NO_EXIT')
    expect(
      ps
        .filter((p) => p.code === 'NO_EXIT')
        .map((p) => p.stepId)
        .sort()
    ).toEqual(['loopA', 'loopB'])
  })

  test('a cycle with an exit is fine', () => {
    const s = broken((s) => {
      s.steps.call.branches!.push({ label: '再打一次', to: 'room' })
    })
    expect(validateScript(s)).toEqual([])
  })

  test('an unreachable step', () => {
    const ps = validateScript(
      broken(
        (s) => (s.steps.orphan = { id: 'orphan', say: ['您好'], outcome: { kind: 'done', label: '完成' } })
      )
    )
    expect(codes(ps)).toEqual(['UNREACHABLE'])
  })

  test('an unknown placeholder, a stray brace and a raw ×× blank', () => {
    expect(codes(validateScript(broken((s) => (s.steps.greet.say = ['{visitorName},您好']))))).toContain(
      'PLACEHOLDER_UNKNOWN'
    )
    expect(codes(validateScript(broken((s) => (s.steps.greet.do = ['请{surname 登记']))))).toContain(
      'PLACEHOLDER_MALFORMED'
    )
    expect(codes(validateScript(broken((s) => (s.steps.greet.say = ['××先生(小姐),您好!']))))).toContain(
      'RAW_BLANK'
    )
    expect(
      codes(validateScript(broken((s) => (s.steps.greet.say = ['您好,[物业公司名称]客服部']))))
    ).toContain('RAW_BLANK')
  })

  test('step ids: key mismatch and duplicates', () => {
    const ps = validateScript(broken((s) => (s.steps.room.id = 'call')))
    expect(codes(ps)).toEqual(expect.arrayContaining(['STEP_ID_MISMATCH', 'STEP_ID_DUPLICATE']))
  })

  test('missing or malformed source', () => {
    expect(codes(validateScript(broken((s) => (s.source = { file: '', section: '' }))))).toContain(
      'SOURCE_MISSING'
    )
    expect(codes(validateScript(broken((s) => (s.source = { file: 'notes.txt', section: 'x' }))))).toContain(
      'SOURCE_MISSING'
    )
    expect(codes(validateScript(broken((s) => (s.source.section = ' '))))).toContain('SOURCE_MISSING')
    expect(
      codes(validateScript(broken((s) => (s.steps.greet.source = { file: 'x.txt', section: 'y' }))))
    ).toContain('SOURCE_MISSING')
  })

  test('a step with nothing to show', () => {
    expect(codes(validateScript(broken((s) => (s.steps.room = { id: 'room', next: 'call' }))))).toContain(
      'STEP_EMPTY'
    )
  })

  test('both next and branches, and an outcome that still moves', () => {
    expect(codes(validateScript(broken((s) => (s.steps.greet.next = 'room'))))).toContain('NEXT_AND_BRANCHES')
    expect(codes(validateScript(broken((s) => (s.steps.admitted.next = 'refused'))))).toContain(
      'OUTCOME_WITH_MOVES'
    )
    expect(
      codes(validateScript(broken((s) => (s.steps.admitted.outcome = { kind: '', label: '放行' }))))
    ).toContain('OUTCOME_INVALID')
  })

  test('bad header fields', () => {
    const ps = validateScript(
      broken((s) => {
        s.id = 'Bad Id'
        s.version = 1.5
        ;(s as { department: string }).department = 'kitchen'
        ;(s as { roles: string[] }).roles = ['chef']
        s.title = ''
        s.situation = ''
      })
    )
    expect(codes(ps)).toEqual(
      expect.arrayContaining([
        'SCRIPT_ID_INVALID',
        'VERSION_INVALID',
        'DEPARTMENT_INVALID',
        'ROLE_INVALID',
        'TITLE_MISSING',
        'SITUATION_MISSING'
      ])
    )
    expect(codes(validateScript(broken((s) => (s.roles = []))))).toContain('ROLES_EMPTY')
  })

  test('branches: empty or repeated labels, empty set keys', () => {
    expect(codes(validateScript(broken((s) => (s.steps.greet.branches![1].label = '找业主'))))).toContain(
      'BRANCH_LABEL_DUPLICATE'
    )
    expect(codes(validateScript(broken((s) => (s.steps.greet.branches![1].label = ''))))).toContain(
      'BRANCH_LABEL_MISSING'
    )
    expect(codes(validateScript(broken((s) => (s.steps.greet.branches![1].set = { '': 'x' }))))).toContain(
      'SET_INVALID'
    )
  })

  test('asks: a choice needs options', () => {
    expect(codes(validateScript(broken((s) => (s.steps.call.ask!.options = ['好']))))).toContain(
      'ASK_INVALID'
    )
    expect(codes(validateScript(broken((s) => (s.steps.call.ask!.key = ''))))).toContain('ASK_INVALID')
  })

  test('messages are readable and name the step', () => {
    const [p] = validateScript(broken((s) => (s.steps.greet.branches![0].to = 'nowhere')))
    expect(p.message).toContain('nowhere')
    expect(p.message).toMatch(/[\u4e00-\u9fff]/)
  })
})

describe('validateLibrary', () => {
  test('the whole library has zero problems', () => {
    const problems = validateLibrary(SCRIPTS)
    expect(problems.map((p) => `${p.scriptId}/${p.stepId ?? ''} ${p.code}: ${p.message}`)).toEqual([])
  })

  test('catches repeated script ids', () => {
    const ps = validateLibrary([tinyScript(), tinyScript()])
    expect(codes(ps)).toEqual(['SCRIPT_ID_DUPLICATE'])
  })

  test('reports problems of every script it is given', () => {
    const bad = broken((s) => (s.start = 'x'))
    expect(codes(validateLibrary([...SCRIPTS, bad]))).toContain('START_MISSING')
  })
})

describe('enumeratePaths', () => {
  test('lists every way to an outcome with the answers recorded', () => {
    const paths = enumeratePaths(tinyScript())
    expect(paths.map((p) => p.outcome).sort()).toEqual([
      'visitor.admitted',
      'visitor.refused',
      'visitor.refused'
    ])
    const admitted = paths.find((p) => p.outcome === 'visitor.admitted')!
    expect(admitted.steps).toEqual(['greet', 'room', 'call', 'admitted'])
    expect(admitted.moves).toEqual(['找业主', 'next', '同意'])
    expect(admitted.answers).toEqual({ case: 'B', hostCall: 'agreed', result: 'admitted' })
  })
})
