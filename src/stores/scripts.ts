import { makeAutoObservable, observableRef, runInAction } from 'mobx'
import type * as Library from '../domain/scripts'
import type { Department, Script, Step } from '../domain/scripts/model'
import type { RunOutcome, RunState } from '../domain/scripts/engine'
import type { FillContext, Gender } from '../domain/scripts/placeholders'
import type { Phrase, PhraseGroup } from '../domain/scripts/phrasebook'
import type { Quiz, QuizResult } from '../domain/scripts/quiz'
import type { ScriptAckOut, ScriptAckStatus, ScriptRunItem } from '../domain/contract'
import { SCRIPTS_ACTIONS } from '../domain/contract/scripts'
import type { Role } from '../domain/roles'
import type { KeyValueStorage } from '../services/storage'
import type { Api } from './api'
import { loadActions, messageOf } from './api'
import type { OutboxStore } from './outbox'

// This store's part of the contract: its schemas travel in this subpackage, not in the main package.
loadActions(SCRIPTS_ACTIONS)

/**
 * The script library module (src/domain/scripts). It is large (every SOP of the company), so
 * it lives in the `scripts` subpackage: its pages hand it to the store with `use()`, and
 * this file imports only its types. The main package never carries it.
 */
export type ScriptsLibrary = typeof Library

export interface ScriptsDeps {
  api: () => Api
  outbox: OutboxStore
  storage: KeyValueStorage
  staff: () => { id: string; name: string; roles: readonly Role[] } | undefined
  estate: () => { name: string; company: string } | undefined
  now: () => number
  newId: () => string
  /** tests pass it here; the app's pages call `use()` */
  lib?: ScriptsLibrary
}

export type DepartmentFilter = Department | 'all'

/** What the person is asked before a run, for the lines that address someone. */
export interface PlaceholderForm {
  surname: string
  gender?: Gender
  hostSurname: string
  hostGender?: Gender
}

/** The run just finished and handed to the outbox. */
export interface RecordedRun {
  id: string
  title: string
  outcome: RunOutcome
}

export interface QuizState {
  quiz: Quiz
  /** chosen option per question, in order */
  chosen: (number | null)[]
  index: number
}

/** Where each role's scripts are, for the list's first filter. */
const ROLE_DEPARTMENT: Partial<Record<Role, Department>> = {
  guard: 'security',
  patrol: 'security',
  service: 'service',
  housekeeper: 'housekeeping',
  engineer: 'engineering',
  cleaner: 'cleaning'
}

export function defaultDepartment(roles: readonly Role[]): DepartmentFilter {
  if (roles.includes('supervisor') || roles.includes('admin')) return 'all'
  const deps = [...new Set(roles.map((r) => ROLE_DEPARTMENT[r]).filter((d): d is Department => !!d))]
  return deps.length === 1 ? deps[0] : 'all'
}

const acksKey = (staffId: string) => `gwt.scriptacks.${staffId}`
const EMPTY_FORM: PlaceholderForm = { surname: '', hostSurname: '' }
/** Questions in one practice round. */
export const QUIZ_SIZE = 8

/**
 * 话术: find a script, run it step by step (the say-line first), record the run through the
 * outbox, confirm new versions (read receipts, cached for offline), and practise with a quiz.
 */
export class ScriptsStore {
  lib: ScriptsLibrary | undefined = undefined
  query = ''
  /** undefined until the person picks one: then the default for their roles applies */
  pickedDepartment: DepartmentFilter | undefined = undefined
  phraseQuery = ''

  script: Script | undefined = undefined
  run: RunState | undefined = undefined
  form: PlaceholderForm = { ...EMPTY_FORM }
  /** The time the lines are filled for (the greeting); set at every move. */
  stepAt = 0
  recorded: RecordedRun | undefined = undefined
  error = ''

  acks: Record<string, { version: number; at: number }> = {}
  /** whose receipts `acks` holds; undefined until loaded from the cache or the server */
  acksFor: string | undefined = undefined
  acksLoading = false

  quiz: QuizState | undefined = undefined

  /** Supervisor: who has not confirmed new versions, and the latest runs (server data, no library needed). */
  ackStatus: ScriptAckStatus[] = []
  recentRuns: ScriptRunItem[] = []
  overviewLoading = false
  overviewError = ''

  constructor(private deps: ScriptsDeps) {
    makeAutoObservable<ScriptsStore, 'deps'>(this, {
      deps: false,
      lib: observableRef,
      script: observableRef,
      run: observableRef,
      recorded: observableRef,
      quiz: observableRef
    })
    if (deps.lib) this.lib = deps.lib
  }

  /** Called by the scripts subpackage when it loads. */
  use(lib: ScriptsLibrary): void {
    if (this.lib !== lib) this.lib = lib
  }

  private get L(): ScriptsLibrary {
    if (!this.lib)
      throw new Error('ScriptsStore: the script library is not loaded (call use() from the scripts pages)')
    return this.lib
  }

  get roles(): readonly Role[] {
    return this.deps.staff()?.roles ?? []
  }

  // ---- the list ----

  get department(): DepartmentFilter {
    return this.pickedDepartment ?? defaultDepartment(this.roles)
  }
  setQuery(q: string): void {
    this.query = q
  }
  setDepartment(d: DepartmentFilter): void {
    this.pickedDepartment = d
  }
  get list(): Script[] {
    if (!this.lib) return []
    return this.lib.searchScripts(
      this.query,
      this.department === 'all' ? {} : { department: this.department }
    )
  }
  getScript(id: string): Script | undefined {
    return this.lib?.getScript(id)
  }

  // ---- the phrasebook ----

  setPhraseQuery(q: string): void {
    this.phraseQuery = q
  }
  /** Phrases matching the query, grouped by situation, best group first. */
  get phraseGroups(): PhraseGroup[] {
    if (!this.lib) return []
    const dept = this.department === 'all' ? {} : { department: this.department }
    const hits: Phrase[] = this.lib.searchPhrases(this.phraseQuery, dept)
    const groups = new Map<string, PhraseGroup>()
    for (const p of hits) {
      const id = `${p.scriptId}/${p.stepId}`
      let g = groups.get(id)
      if (!g) {
        g = {
          id,
          situation: p.situation,
          scriptId: p.scriptId,
          stepId: p.stepId,
          department: p.department,
          source: p.source,
          phrases: []
        }
        groups.set(id, g)
      }
      g.phrases.push(p)
    }
    return [...groups.values()]
  }

  // ---- a run ----

  /** Open a script: a fresh run waits for the placeholder form, or starts at once when it needs none. */
  open(scriptId: string): boolean {
    const script = this.L.getScript(scriptId)
    this.error = ''
    this.recorded = undefined
    this.quiz = this.quiz?.quiz.scriptId === scriptId ? this.quiz : undefined
    if (!script) {
      this.script = undefined
      this.run = undefined
      this.error = '没有找到这份话术，请返回列表重新选择'
      return false
    }
    if (this.script?.id !== scriptId) this.form = { ...EMPTY_FORM }
    this.script = script
    this.run = undefined
    if (!this.needsVisitor && !this.needsHost) this.begin()
    return true
  }

  /** Placeholder names the script's lines use. */
  get placeholders(): string[] {
    const s = this.script
    if (!s || !this.lib) return []
    const names = new Set<string>()
    for (const step of Object.values(s.steps))
      for (const l of step.say ?? []) for (const n of this.lib.placeholdersIn(l)) names.add(n)
    return [...names]
  }
  /** The lines address the person in front of you (姓氏 + 先生/小姐). */
  get needsVisitor(): boolean {
    return this.placeholders.some((n) => n === 'surname' || n === 'honorific')
  }
  /** The lines name the owner being called ({host}). */
  get needsHost(): boolean {
    return this.placeholders.includes('host')
  }

  setForm<K extends keyof PlaceholderForm>(k: K, v: PlaceholderForm[K]): void {
    this.form = { ...this.form, [k]: v }
  }
  /** Tap a chosen chip again to clear it. */
  toggleGender(k: 'gender' | 'hostGender', g: Gender): void {
    this.setForm(k, this.form[k] === g ? undefined : g)
  }

  /** Start (or, from the form, start without filling anything in). */
  begin(): void {
    if (!this.script) return
    const now = this.deps.now()
    this.run = this.L.start(this.script, now)
    this.stepAt = now
    this.recorded = undefined
    this.error = ''
  }

  get started(): boolean {
    return !!this.run
  }

  get fillContext(): FillContext {
    const estate = this.deps.estate()
    return {
      surname: this.form.surname.trim() || undefined,
      gender: this.form.gender,
      hostSurname: this.form.hostSurname.trim() || undefined,
      hostGender: this.form.hostGender,
      company: estate?.company,
      estate: estate?.name,
      staffName: this.deps.staff()?.name,
      room: this.run?.answers.room,
      now: this.stepAt || this.deps.now()
    }
  }

  /** A line ready for the screen: placeholders filled in, Chinese punctuation. */
  line(text: string): string {
    return this.L.toDisplayPunctuation(this.L.fill(text, this.fillContext))
  }

  /** A phrasebook line: company and estate filled in, people addressed neutrally (先生/小姐). */
  phraseLine(text: string): string {
    const estate = this.deps.estate()
    return this.L.toDisplayPunctuation(
      this.L.fill(text, {
        company: estate?.company,
        estate: estate?.name,
        staffName: this.deps.staff()?.name,
        now: this.deps.now()
      })
    )
  }

  get step(): Step | undefined {
    if (!this.script || !this.run) return undefined
    return this.L.current(this.script, this.run)
  }
  /** The current step's lines to say, filled in. */
  get say(): string[] {
    return (this.step?.say ?? []).map((l) => this.line(l))
  }
  get done(): boolean {
    return !!this.step?.outcome
  }
  get canBack(): boolean {
    return !!this.run && this.L.canBack(this.run) && !this.done
  }
  get stepNo(): number {
    return this.run?.path.length ?? 0
  }

  private apply(f: (script: Script, run: RunState, now: number) => RunState): boolean {
    const script = this.script
    const run = this.run
    if (!script || !run) return false
    const now = this.deps.now()
    try {
      this.run = f(script, run, now)
      this.stepAt = now
      this.error = ''
    } catch (e) {
      this.error = this.L.isScriptError(e) ? e.message : messageOf(e)
      return false
    }
    if (this.done) this.finish()
    return true
  }

  choose(branchIndex: number): boolean {
    return this.apply((s, r, now) => this.L.choose(s, r, branchIndex, now))
  }
  next(): boolean {
    return this.apply((s, r, now) => this.L.next(s, r, now))
  }
  /** Record the current step's answer (a choice, yes/no, or typed text). */
  answer(value: string): boolean {
    const script = this.script
    const run = this.run
    if (!script || !run) return false
    try {
      this.run = this.L.answerCurrent(script, run, value)
      this.error = ''
      return true
    } catch (e) {
      this.error = this.L.isScriptError(e) ? e.message : messageOf(e)
      return false
    }
  }
  get currentAnswer(): string {
    const key = this.step?.ask?.key
    return key && this.run ? (this.run.answers[key] ?? '') : ''
  }
  back(): boolean {
    if (!this.canBack || !this.run) return false
    this.run = this.L.back(this.run)
    this.stepAt = this.deps.now()
    this.error = ''
    return true
  }
  /** From the first step again, with the same names; a run already recorded stays recorded. */
  restart(): void {
    if (!this.run) return this.begin()
    const now = this.deps.now()
    this.run = this.L.restart(this.run, now)
    this.stepAt = now
    this.recorded = undefined
    this.error = ''
  }
  /** Back to the form (change the names), dropping the run in progress. */
  editNames(): void {
    this.run = undefined
    this.recorded = undefined
    this.error = ''
  }

  /** Saves the finished run on the phone (outbox) and sends it when it can. */
  private finish(): void {
    const script = this.script
    const run = this.run
    if (!script || !run || this.recorded) return
    const o = this.L.outcome(script, run, this.deps.now())
    const id = this.deps.newId()
    try {
      this.deps.outbox.enqueue(
        'scripts.recordRun',
        {
          id,
          scriptId: o.scriptId,
          version: o.version,
          path: o.path,
          answers: o.answers,
          outcome: o.kind,
          startedAt: o.startedAt,
          finishedAt: o.finishedAt,
          durationMs: o.durationMs
        },
        { record: `scriptrun:${id}`, summary: `话术：${script.title}` }
      )
    } catch (e) {
      this.error = `这次没有记录上：${messageOf(e)}`
      return
    }
    this.recorded = { id, title: script.title, outcome: o }
    void this.deps.outbox.sync()
  }

  /** The recorded run is still waiting on the phone (待上传). */
  get recordedPending(): boolean {
    return !!this.recorded && this.deps.outbox.isPending(this.recorded.id)
  }

  /** What happened, step by step: each question's answer and each tap, labelled for the summary. */
  get summary(): { label: string; value: string }[] {
    const script = this.script
    const run = this.run
    if (!script || !run || !this.recorded) return []
    const out: { label: string; value: string }[] = []
    for (const m of run.moves) {
      const from = script.steps[m.from]
      if (!from) continue
      const asked = from.ask ? run.answers[from.ask.key] : undefined
      if (from.ask && asked)
        out.push({ label: from.ask.label, value: asked === 'yes' ? '是' : asked === 'no' ? '否' : asked })
      const branch = m.branch === null ? undefined : from.branches?.[m.branch]
      if (branch) out.push({ label: from.title ?? from.id, value: branch.label })
    }
    return out
  }

  // ---- read receipts ----

  private get staffId(): string | undefined {
    return this.deps.staff()?.id
  }

  /** The cached receipts at once (offline after a restart), then the server's. */
  async loadAcks(): Promise<void> {
    const staffId = this.staffId
    if (!staffId) return
    if (this.acksFor !== staffId) {
      const cached = this.deps.storage.get<Record<string, { version: number; at: number }>>(acksKey(staffId))
      this.acks = cached ?? {}
      this.acksFor = cached ? staffId : undefined
    }
    this.acksLoading = true
    try {
      const list = await this.deps.api()('scripts.myAcks', {})
      runInAction(() => {
        if (this.staffId !== staffId) return
        this.acks = this.merge(this.acksFor === staffId ? this.acks : {}, list)
        this.acksFor = staffId
        this.saveAcks()
      })
    } catch {
      // offline: the cache (or nothing) stands; the list just shows no 新版本 tags until known
    } finally {
      runInAction(() => (this.acksLoading = false))
    }
  }

  /** Server receipts and ones still waiting in the outbox: the higher version wins. */
  private merge(local: Record<string, { version: number; at: number }>, server: ScriptAckOut[]) {
    const out = { ...local }
    for (const a of server)
      if ((out[a.scriptId]?.version ?? 0) < a.version) out[a.scriptId] = { version: a.version, at: a.at }
    return out
  }

  private saveAcks(): void {
    const staffId = this.staffId
    if (!staffId) return
    try {
      this.deps.storage.set(acksKey(staffId), this.acks)
    } catch {
      // only a cache
    }
  }

  /** For this person's roles, and not yet confirmed at this version. */
  needsAck(script: Script): boolean {
    const staffId = this.staffId
    if (!staffId || this.acksFor !== staffId) return false
    if (!script.roles.some((r) => this.roles.includes(r))) return false
    return (this.acks[script.id]?.version ?? 0) < script.version
  }

  /** 确认已阅读新版本: saved on the phone at once, sent through the outbox. */
  acknowledge(scriptId: string): boolean {
    const script = this.lib?.getScript(scriptId)
    const staffId = this.staffId
    if (!script || !staffId) return false
    try {
      this.deps.outbox.enqueue(
        'scripts.ack',
        { scriptId, version: script.version },
        { record: `ack:${scriptId}`, summary: `确认话术：${script.title}` }
      )
    } catch (e) {
      this.error = messageOf(e)
      return false
    }
    if (this.acksFor !== staffId) {
      this.acks = {}
      this.acksFor = staffId
    }
    this.acks = { ...this.acks, [scriptId]: { version: script.version, at: this.deps.now() } }
    this.saveAcks()
    void this.deps.outbox.sync()
    return true
  }

  /** People with scripts to confirm, most first. */
  get outdatedStaff(): ScriptAckStatus[] {
    return this.ackStatus
      .filter((p) => p.outdated.length > 0)
      .sort((a, b) => b.outdated.length - a.outdated.length)
  }

  async loadOverview(): Promise<void> {
    this.overviewLoading = true
    this.overviewError = ''
    try {
      const api = this.deps.api()
      const [status, runs] = await Promise.all([api('scripts.ackStatus', {}), api('scripts.runs', {})])
      runInAction(() => {
        this.ackStatus = status
        this.recentRuns = runs
      })
    } catch (e) {
      runInAction(() => (this.overviewError = messageOf(e)))
    } finally {
      runInAction(() => (this.overviewLoading = false))
    }
  }

  // ---- practice ----

  /** A practice round for the script; the same seed gives the same questions. */
  startQuiz(scriptId: string, seed = this.deps.now()): boolean {
    const script = this.lib?.getScript(scriptId)
    if (!script) return false
    const quiz = this.L.buildQuiz(script, seed >>> 0, {
      limit: QUIZ_SIZE,
      ctx: this.fillContext,
      pool: this.L.SCRIPTS
    })
    this.quiz = { quiz, chosen: quiz.questions.map(() => null), index: 0 }
    return quiz.questions.length > 0
  }
  get question() {
    const q = this.quiz
    return q ? q.quiz.questions[q.index] : undefined
  }
  /** The option chosen for the current question, once answered. */
  get chosen(): number | null {
    const q = this.quiz
    return q ? (q.chosen[q.index] ?? null) : null
  }
  /** One answer per question: the first tap counts. */
  quizAnswer(option: number): void {
    const q = this.quiz
    if (!q || q.index >= q.quiz.questions.length || q.chosen[q.index] !== null) return
    const chosen = [...q.chosen]
    chosen[q.index] = option
    this.quiz = { ...q, chosen }
  }
  quizNext(): void {
    const q = this.quiz
    if (!q || q.chosen[q.index] === null) return
    this.quiz = { ...q, index: q.index + 1 }
  }
  get quizDone(): boolean {
    const q = this.quiz
    return !!q && q.index >= q.quiz.questions.length
  }
  get quizResult(): QuizResult | undefined {
    const q = this.quiz
    if (!q || !this.quizDone) return undefined
    return this.L.gradeQuiz(q.quiz, q.chosen)
  }
}
