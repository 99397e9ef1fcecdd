import * as lib from '../../../../src/domain/scripts'
import { makeBackend, MemoryStorage, type Backend } from '../../stores/backend'
import { tokenOf } from '../../../kit/session'
import { OutboxStore } from '../../../../src/stores/outbox'
import { ScriptAcksStore } from '../../../../src/stores/scriptAcks'
import {
  ScriptCatalogStore,
  defaultDepartment,
  type ScriptsLibrary
} from '../../../../src/pages/scripts/model/catalog'
import { ScriptRunStore } from '../../../../src/pages/scripts/model/run'
import { QuizStore } from '../../../../src/pages/scripts/model/quiz'
import { PhrasebookStore } from '../../../../src/pages/scripts/model/phrasebook'
import { ScriptsOverviewStore } from '../../../../src/pages/scripts/model/overview'
import { loadActions, type Api } from '../../../../src/stores/api'
import { SCRIPTS_ACTIONS } from '../../../../src/domain/contract/scripts'
import { createIdFactory } from '../../../../src/domain/ids'
import type { ScriptRun } from '../../../../src/domain/entities'
import type { Role } from '../../../../src/domain/roles'

// as src/pages/scripts/model/index.ts does when the subpackage loads
loadActions(SCRIPTS_ACTIONS)

let b: Backend
let token: string
beforeEach(async () => {
  b = await makeBackend()
  token = await tokenOf(b, 'guard')
})

const GUARD = { id: 'demo-guard', name: '张卫国', roles: ['guard'] as Role[] }

/** The scripts stores wired as src/pages/scripts/model/index.ts wires them, on the test backend. */
function make(over: { api?: () => Api; lib?: ScriptsLibrary | null } = {}, storage = new MemoryStorage()) {
  const newId = createIdFactory({ now: () => b.h.clock.now, random: Math.random })
  const now = () => b.h.clock.now
  const outbox = new OutboxStore({
    storage,
    transport: b.transport,
    session: () => ({ staffId: 'demo-guard', token, estateId: 'demo-estate' }),
    now,
    random: () => 0.5,
    newId
  })
  outbox.load()
  const api = over.api ?? (() => b.api({ token, estateId: 'demo-estate' }))
  const estate = () => ({ name: '翠湖花园', company: '利海物业' })
  const staffName = () => GUARD.name
  const catalog = new ScriptCatalogStore({
    roles: () => GUARD.roles,
    lib: over.lib === null ? undefined : lib
  })
  const acks = new ScriptAcksStore({ api, outbox, storage, staff: () => GUARD, now })
  const phrasebook = new PhrasebookStore({ catalog, estate, staffName, now })
  const run = new ScriptRunStore({ catalog, outbox, staffName, estate, now, newId })
  const quiz = new QuizStore({ catalog, context: () => run.fillContext, now })
  const overview = new ScriptsOverviewStore({ api })
  return { catalog, acks, phrasebook, run, quiz, overview, outbox, storage }
}

/** Walks the visitor script through case B (an owner's guest who is let in). */
function caseB(s: ScriptRunStore) {
  expect(s.open('gate.visitor')).toBe(true)
  s.setForm('surname', '李')
  s.toggleGender('gender', 'male')
  s.setForm('hostSurname', '王')
  s.toggleGender('hostGender', 'male')
  s.begin()
  expect(s.choose(1)).toBe(true) // B 访客找业主
  expect(s.answer('3-1-502')).toBe(true)
  expect(s.choose(0)).toBe(true) // 已约好 → 请访客稍等，打电话给业主
}

describe('ScriptCatalogStore: the list', () => {
  it('starts with the department of the person’s role and searches within it', () => {
    const { catalog: s } = make()
    expect(s.department).toBe('security')
    expect(s.list.length).toBeGreaterThan(3)
    expect(s.list.every((x) => x.department === 'security')).toBe(true)
    s.setQuery('访客')
    expect(s.list[0].id).toBe('gate.visitor')
    s.setDepartment('service')
    expect(s.list.every((x) => x.department === 'service')).toBe(true)
    s.setQuery('')
    s.setDepartment('all')
    expect(s.list).toHaveLength(lib.SCRIPTS.length)
  })

  it('default department: one role’s own, everything for managers and mixed roles', () => {
    expect(defaultDepartment(['cleaner'])).toBe('cleaning')
    expect(defaultDepartment(['guard', 'patrol'])).toBe('security')
    expect(defaultDepartment(['supervisor'])).toBe('all')
    expect(defaultDepartment(['service', 'engineer'])).toBe('all')
  })

  it('before the pages hand over the library, the list and the phrasebook are empty instead of failing', () => {
    const { catalog, phrasebook, run, quiz } = make({ lib: null })
    expect(catalog.list).toEqual([])
    expect(phrasebook.groups).toEqual([])
    expect(run.open('gate.visitor')).toBe(false)
    expect(quiz.start('gate.visitor')).toBe(false)
    catalog.use(lib)
    expect(catalog.list.length).toBeGreaterThan(0)
    expect(run.open('gate.visitor')).toBe(true)
  })
})

describe('PhrasebookStore', () => {
  it('is searchable within the list’s department and grouped by situation', () => {
    const { catalog, phrasebook: s } = make()
    s.setQuery('请问您找谁')
    expect(s.groups.every((g) => g.department === 'security')).toBe(true)
    catalog.setDepartment('all')
    const groups = s.groups
    expect(groups.length).toBeGreaterThan(0)
    expect(groups[0].phrases.some((p) => p.text.includes('请问您找谁'))).toBe(true)
    expect(new Set(groups.map((g) => g.id)).size).toBe(groups.length)
    expect(s.line('{company}{estate}')).toBe('利海物业翠湖花园')
  })
})

describe('ScriptRunStore: a run', () => {
  it('asks for names first when the lines address someone, then fills them in with the greeting for the time', () => {
    const { run: s } = make()
    s.open('gate.visitor')
    expect(s.needsVisitor).toBe(true)
    expect(s.needsHost).toBe(true)
    expect(s.started).toBe(false)
    caseB(s)
    expect(s.step?.id).toBe('b.call')
    // T0 is 09:00 in China
    expect(s.say).toEqual([
      '不好意思，请您等一下，我们打电话看看业主在不在。',
      '王先生，早上好，我们是正门值班保安，这里有一位李先生有事找您，我们现在让他进去，可以吗？'
    ])
    b.h.clock.now += 6 * 3600_000 // 15:00: the next move fills in the afternoon greeting
    s.back()
    s.choose(0)
    expect(s.say[1]).toContain('下午好')
  })

  it('a skipped form gives neutral words, never a raw placeholder', () => {
    const { run: s } = make()
    s.open('gate.visitor')
    s.setForm('surname', '李')
    s.clearForm()
    s.begin()
    expect(s.say[0]).toBe('先生/小姐，请问有什么可以帮到您？')
    s.choose(1)
    s.choose(0)
    expect(s.say[1]).not.toMatch(/[{}]/)
    expect(s.say[1]).toContain('业主')
  })

  it('opens a script that addresses nobody at once', () => {
    const { run: s } = make()
    const plain = lib.SCRIPTS.find((x) =>
      Object.values(x.steps).every((st) =>
        (st.say ?? []).every((l) => !/\{(surname|honorific|host)\}/.test(l))
      )
    )!
    expect(s.open(plain.id)).toBe(true)
    expect(s.started).toBe(true)
    expect(s.open('no.such')).toBe(false)
    expect(s.error).toMatch(/没有找到/)
  })

  it('back undoes a move with its answers; restart starts over; a bad tap shows the engine’s message', () => {
    const { run: s } = make()
    caseB(s)
    expect(s.run?.answers).toMatchObject({ case: 'B', appointment: 'yes', room: '3-1-502' })
    s.back()
    expect(s.step?.id).toBe('b.appointment')
    expect(s.run?.answers.appointment).toBeUndefined()
    expect(s.currentAnswer).toBe('3-1-502')
    expect(s.choose(9)).toBe(false)
    expect(s.error).toBe(lib.SCRIPT_ERROR_MESSAGES.SCRIPT_BAD_BRANCH)
    s.restart()
    expect(s.step?.id).toBe('greet')
    expect(s.run?.answers).toEqual({})
    expect(s.canBack).toBe(false)
    expect(s.form.surname).toBe('李')
    s.editNames()
    expect(s.started).toBe(false)
  })

  it('at the outcome the run is saved on the phone, shown as 待上传, then stored on the server', async () => {
    const { run: s, outbox } = make()
    b.online = false
    caseB(s)
    b.h.clock.now += 45_000
    s.choose(0) // 业主同意
    s.choose(0) // 已登记、发来访卡
    expect(s.done).toBe(true)
    expect(s.canBack).toBe(false)
    expect(s.recorded?.outcome).toMatchObject({ kind: 'visitor.admitted', durationMs: 45_000 })
    const entry = outbox.mine.find((e) => e.action === 'scripts.recordRun')!
    expect(entry.summary).toBe('话术：访客(来访人员)检查')
    expect(entry.record).toBe(`scriptrun:${s.recorded!.id}`)
    await outbox.sync()
    expect(s.recordedPending).toBe(true)
    expect(s.summary).toEqual([
      { label: '问清来意', value: 'B 访客找业主' },
      { label: '来访的房号', value: '3-1-502' },
      { label: '询问是否约好', value: '已约好' },
      { label: '请访客稍等，打电话给业主', value: '业主同意' },
      { label: '登记发卡', value: '已登记、发来访卡' }
    ])
    b.online = true
    await outbox.sync({ force: true })
    expect(s.recordedPending).toBe(false)
    const run = await b.h.db.get<ScriptRun & { [k: string]: unknown }>('scriptruns', s.recorded!.id)
    expect(run).toMatchObject({
      staffId: 'demo-guard',
      scriptId: 'gate.visitor',
      version: lib.requireScript('gate.visitor').version,
      outcome: 'visitor.admitted',
      answers: { case: 'B', room: '3-1-502', hostCall: 'agreed' },
      path: ['greet', 'b.appointment', 'b.call', 'b.register', 'end.admitted']
    })
  })

  it('records a run once, even if the page taps again at the end', () => {
    const { run: s, outbox } = make()
    caseB(s)
    s.choose(0)
    s.choose(0)
    expect(s.choose(0)).toBe(false)
    expect(outbox.mine.filter((e) => e.action === 'scripts.recordRun')).toHaveLength(1)
  })
})

describe('ScriptAcksStore: read receipts', () => {
  it('shows 新版本 for the person’s own scripts until confirmed; the receipt goes through the outbox', async () => {
    const { acks: s, outbox } = make()
    const visitor = lib.requireScript('gate.visitor')
    const cleaning = lib.SCRIPTS.find((x) => !x.roles.includes('guard'))!
    expect(s.needsAck(visitor)).toBe(false) // not known yet
    await s.load()
    expect(s.needsAck(visitor)).toBe(true)
    expect(s.needsAck(cleaning)).toBe(false)
    expect(s.acknowledge(visitor)).toBe(true)
    expect(s.needsAck(visitor)).toBe(false)
    expect(outbox.mine.map((e) => [e.action, e.record])).toEqual([['scripts.ack', 'ack:gate.visitor']])
    await outbox.sync()
    expect(outbox.mine).toHaveLength(0)
    expect(await b.h.db.get('scriptacks', 'demo-guard:gate.visitor')).toMatchObject({
      version: visitor.version
    })
    await s.load()
    expect(s.needsAck(visitor)).toBe(false)
  })

  it('offline after a restart, the cached receipts still count; a receipt waiting in the outbox is not lost on reload', async () => {
    const storage = new MemoryStorage()
    const first = make({}, storage)
    await first.acks.load()
    b.online = false
    first.acks.acknowledge(lib.requireScript('gate.visitor'))
    const again = make({}, storage)
    await again.acks.load()
    expect(again.acks.needsAck(lib.requireScript('gate.visitor'))).toBe(false)
    expect(again.acks.needsAck(lib.requireScript('gate.vehicle'))).toBe(true)
    // back online: the server does not know the receipt yet, the local one stays
    b.online = true
    await again.acks.load()
    expect(again.acks.needsAck(lib.requireScript('gate.visitor'))).toBe(false)
  })
})

describe('QuizStore: practice', () => {
  it('builds the same quiz for the same seed, one answer per question, and grades it', () => {
    const { quiz: s } = make()
    expect(s.start('gate.visitor', 42)).toBe(true)
    const ids = s.quiz!.quiz.questions.map((q) => q.id)
    expect(ids.length).toBeGreaterThan(2)
    s.start('gate.visitor', 42)
    expect(s.quiz!.quiz.questions.map((q) => q.id)).toEqual(ids)
    let first = true
    while (!s.done) {
      const q = s.question!
      const pick = first ? (q.answer + 1) % q.options.length : q.answer
      s.answer(pick)
      s.answer(q.answer) // a second tap does not change the answer
      expect(s.chosen).toBe(pick)
      s.next()
      first = false
    }
    const r = s.result!
    expect(r.total).toBe(ids.length)
    expect(r.correct).toBe(ids.length - 1)
    expect(r.items[0].correct).toBe(false)
  })

  it('does not move on before an answer', () => {
    const { quiz: s } = make()
    s.start('gate.visitor', 7)
    s.next()
    expect(s.quiz!.index).toBe(0)
    expect(s.result).toBeUndefined()
  })
})

describe('ScriptsOverviewStore: the supervisor’s view', () => {
  it('loads who has scripts to confirm and the latest runs', async () => {
    const supToken = await tokenOf(b, 'supervisor')
    const guard = make()
    caseB(guard.run)
    guard.run.choose(0)
    guard.run.choose(0)
    await guard.outbox.sync()
    const { overview: s } = make({ api: () => b.api({ token: supToken, estateId: 'demo-estate' }) })
    await s.load()
    expect(s.error).toBe('')
    expect(s.recentRuns.map((r) => [r.staffName, r.scriptId, r.outcome])).toEqual([
      ['张卫国', 'gate.visitor', 'visitor.admitted']
    ])
    expect(s.outdatedStaff.length).toBeGreaterThan(0)
    expect(s.outdatedStaff.map((p) => p.outdated.length)).toEqual(
      [...s.outdatedStaff.map((p) => p.outdated.length)].sort((x, y) => y - x)
    )
    // a guard is refused, with the server's message
    await guard.overview.load()
    expect(guard.overview.error).toMatch(/权限/)
  })
})
