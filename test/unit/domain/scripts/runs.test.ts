import {
  ackId,
  checkPath,
  knownScript,
  labelOf,
  outdatedScripts,
  scriptRunDoc,
  type RunInput
} from '../../../../src/domain/scripts/runs'
import type { Script } from '../../../../src/domain/scripts/model'
import { AppError } from '../../../../src/domain/errors'
import { SCRIPTS, getScript } from '../../../../src/domain/scripts/library'
import { enumeratePaths, outcome, walk } from '../../../../src/domain/scripts'

const script: Script = {
  id: 'x.greet',
  version: 2,
  department: 'security' as Script['department'],
  title: '问候',
  situation: '',
  source: { file: 'f', section: 's' } as Script['source'],
  roles: ['guard'],
  tags: [],
  start: 'a',
  steps: {
    a: { id: 'a', next: 'b' },
    b: {
      id: 'b',
      branches: [
        { label: '好', to: 'ok' },
        { label: '不', to: 'no' }
      ]
    },
    ok: { id: 'ok', outcome: { kind: 'x.ok', label: '完成' } },
    no: { id: 'no', outcome: { kind: 'x.no', label: '拒绝' } }
  }
}
const other: Script = { ...script, id: 'x.sup', version: 1, roles: ['supervisor'], title: '主管' }
const lookup = (id: string) => [script, other].find((s) => s.id === id)

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(AppError)
    expect((e as AppError).code).toBe('INVALID_INPUT')
    return (e as AppError).details?.[0]?.field
  }
  return undefined
}

const run = (over: Partial<RunInput> = {}): RunInput => ({
  id: 'r1',
  scriptId: 'x.greet',
  version: 2,
  path: ['a', 'b', 'ok'],
  answers: { q: '1' },
  outcome: 'x.ok',
  startedAt: 100,
  finishedAt: 200,
  durationMs: 100,
  ...over
})

describe('a run the phone sends', () => {
  it('names a script of the library at a version it can have run', () => {
    expect(knownScript(lookup, 'x.greet', 1)).toBe(script)
    expect(fieldOf(() => knownScript(lookup, 'x.none', 1))).toBe('scriptId')
    expect(fieldOf(() => knownScript(lookup, 'x.greet', 3))).toBe('version')
  })

  it('at the current version walks the script from its start to the outcome it names', () => {
    expect(checkPath(script, ['a', 'b', 'no'], 'x.no')).toBe('拒绝')
    expect(fieldOf(() => checkPath(script, ['b', 'ok'], 'x.ok'))).toBe('path')
    expect(fieldOf(() => checkPath(script, ['a', 'ok'], 'x.ok'))).toBe('path')
    expect(fieldOf(() => checkPath(script, ['a', 'b', 'constructor'], 'x.ok'))).toBe('path')
    expect(fieldOf(() => checkPath(script, ['a', 'b', 'ok'], 'x.no'))).toBe('outcome')
    expect(fieldOf(() => checkPath(script, ['a', 'b'], 'x.ok'))).toBe('outcome')
  })

  it('becomes the stored record with who, where and both clocks; an older version keeps its path unchecked', () => {
    const who = { estateId: 'e1', staffId: 's1', staffName: '张三' }
    const at = { now: 5000, deviceTime: 4000 }
    expect(scriptRunDoc(lookup, run(), who, at)).toEqual({
      _id: 'r1',
      ...who,
      scriptId: 'x.greet',
      title: '问候',
      version: 2,
      path: ['a', 'b', 'ok'],
      answers: { q: '1' },
      outcome: 'x.ok',
      outcomeLabel: '完成',
      startedAt: 100,
      finishedAt: 200,
      durationMs: 100,
      deviceTime: 4000,
      at: 5000
    })
    const old = scriptRunDoc(lookup, run({ version: 1, path: ['gone'], outcome: 'x.no' }), who, at)
    expect(old).toMatchObject({ version: 1, path: ['gone'], outcomeLabel: '拒绝' })
    expect(labelOf(script, 'x.vanished')).toBe('')
    expect(fieldOf(() => scriptRunDoc(lookup, run({ finishedAt: 99 }), who, at))).toBe('finishedAt')
    expect(fieldOf(() => scriptRunDoc(lookup, run({ path: ['a', 'ok'] }), who, at))).toBe('path')
  })
})

describe('the whole library', () => {
  it('every way through every script, as the app records it, is a run the server accepts', () => {
    let n = 0
    for (const sc of SCRIPTS)
      for (const p of enumeratePaths(sc)) {
        const answers: Record<string, string> = {}
        for (const st of Object.values(sc.steps))
          if (st.ask)
            answers[st.ask.key] =
              st.ask.kind === 'yesno' ? 'yes' : st.ask.kind === 'choice' ? (st.ask.options ?? [])[0] : '测试'
        const o = outcome(sc, walk(sc, p.moves, 0, answers), 1000)
        const input = {
          id: `r${++n}`,
          scriptId: o.scriptId,
          version: o.version,
          path: o.path,
          answers: o.answers,
          outcome: o.kind,
          startedAt: o.startedAt,
          finishedAt: o.finishedAt,
          durationMs: o.durationMs
        }
        const doc = scriptRunDoc(
          getScript,
          input,
          { estateId: 'e', staffId: 's', staffName: 'n' },
          { now: 2000, deviceTime: 1500 }
        )
        expect([sc.id, p.steps.join('>'), doc.outcomeLabel.length > 0]).toEqual([
          sc.id,
          p.steps.join('>'),
          true
        ])
      }
    expect(n).toBeGreaterThan(SCRIPTS.length)
  })
})

describe('read receipts', () => {
  it('one receipt per person and script', () => {
    expect(ackId('s1', 'x.greet')).toBe('s1:x.greet')
  })

  it('a person is behind on the scripts of their roles not confirmed at the current version', () => {
    const acked = new Map([['x.greet', 1]])
    expect(outdatedScripts([script, other], ['guard'], (id) => acked.get(id))).toEqual([
      { scriptId: 'x.greet', title: '问候', version: 2, ackedVersion: 1 }
    ])
    expect(outdatedScripts([script, other], ['supervisor'], () => undefined)).toEqual([
      { scriptId: 'x.sup', title: '主管', version: 1 }
    ])
    expect(outdatedScripts([script, other], ['guard'], () => 2)).toEqual([])
    expect(outdatedScripts([script, other], ['patrol'], () => undefined)).toEqual([])
  })
})
