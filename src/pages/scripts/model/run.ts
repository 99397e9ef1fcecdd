import { makeAutoObservable, observableRef } from 'mobx'
import { ScriptRunModel } from '../../../components/ScriptRunner/model'
import { noteKey, type RunOutcome, type RunState } from '../../../domain/scripts/engine'
import type { FillContext, Gender } from '../../../domain/scripts/placeholders'
import type { Script, Step } from '../../../domain/scripts/model'
import { messageOf } from '../../../stores/api'
import type { OutboxStore } from '../../../stores/outbox'
import type { ScriptCatalogStore } from './catalog'

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

export interface ScriptRunDeps {
  catalog: ScriptCatalogStore
  outbox: OutboxStore
  staffName: () => string | undefined
  estate: () => { name: string; company: string } | undefined
  now: () => number
  newId: () => string
}

const EMPTY_FORM: PlaceholderForm = { surname: '', hostSurname: '' }

/**
 * A script on the scripts pages: the names asked first, then the run step by step (through the
 * ScriptRunner's model, as on the gate), recorded through the outbox when it reaches an end.
 */
export class ScriptRunStore {
  script: Script | undefined = undefined
  /** the run in progress; undefined while the names form is shown */
  runner: ScriptRunModel | undefined = undefined
  form: PlaceholderForm = { ...EMPTY_FORM }
  recorded: RecordedRun | undefined = undefined
  /** no such script, or the finished run could not be saved */
  problem = ''

  constructor(private deps: ScriptRunDeps) {
    makeAutoObservable<ScriptRunStore, 'deps'>(this, {
      deps: false,
      script: observableRef,
      runner: observableRef,
      recorded: observableRef
    })
  }

  /** Open a script: a fresh run waits for the placeholder form, or starts at once when it needs none. */
  open(scriptId: string): boolean {
    const script = this.deps.catalog.getScript(scriptId)
    this.problem = ''
    this.recorded = undefined
    this.runner = undefined
    if (!script) {
      this.script = undefined
      this.problem = '没有找到这份话术，请返回列表重新选择'
      return false
    }
    if (this.script?.id !== scriptId) this.form = { ...EMPTY_FORM }
    this.script = script
    if (!this.needsVisitor && !this.needsHost) this.begin()
    return true
  }

  /** Placeholder names the script's lines use. */
  get placeholders(): string[] {
    const s = this.script
    const lib = this.deps.catalog.lib
    if (!s || !lib) return []
    const names = new Set<string>()
    for (const step of Object.values(s.steps))
      for (const l of step.say ?? []) for (const n of lib.placeholdersIn(l)) names.add(n)
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
  /** 跳过: no names at all. */
  clearForm(): void {
    this.form = { ...EMPTY_FORM }
  }

  /** The names, estate and speaker the lines are filled with (the run adds the time and the room). */
  get names(): Omit<FillContext, 'now'> {
    const estate = this.deps.estate()
    return {
      surname: this.form.surname.trim() || undefined,
      gender: this.form.gender,
      hostSurname: this.form.hostSurname.trim() || undefined,
      hostGender: this.form.hostGender,
      company: estate?.company,
      estate: estate?.name,
      staffName: this.deps.staffName()
    }
  }
  get fillContext(): FillContext {
    return this.runner?.fillContext ?? { ...this.names, now: this.deps.now() }
  }

  /** Start (or, from the form, start without filling anything in). */
  begin(): void {
    const script = this.script
    if (!script) return
    this.recorded = undefined
    this.problem = ''
    this.runner = new ScriptRunModel(script, {
      now: this.deps.now,
      context: () => this.names,
      onEnd: (run) => this.finish(script, run)
    })
  }

  get started(): boolean {
    return !!this.runner
  }
  get run(): RunState | undefined {
    return this.runner?.run
  }
  get step(): Step | undefined {
    return this.runner?.step
  }
  get say(): string[] {
    return this.runner?.say ?? []
  }
  get done(): boolean {
    return !!this.runner?.done
  }
  get canBack(): boolean {
    return !!this.runner?.canBack
  }
  get stepNo(): number {
    return this.runner?.stepNo ?? 0
  }
  get currentAnswer(): string {
    return this.runner?.currentAnswer ?? ''
  }
  get error(): string {
    return this.problem || this.runner?.error || ''
  }

  choose(branchIndex: number): boolean {
    return !!this.runner?.choose(branchIndex)
  }
  next(): boolean {
    return !!this.runner?.next()
  }
  /** Record the current step's answer (a choice, yes/no, or typed text). */
  answer(value: string): boolean {
    return !!this.runner?.answer(value)
  }
  back(): boolean {
    return !!this.runner?.back()
  }
  /** From the first step again, with the same names; a run already recorded stays recorded. */
  restart(): void {
    if (!this.runner) return this.begin()
    this.runner.restart()
    this.recorded = undefined
    this.problem = ''
  }
  /** Back to the form (change the names), dropping the run in progress. */
  editNames(): void {
    this.runner = undefined
    this.recorded = undefined
    this.problem = ''
  }

  /** Saves the finished run on the phone (outbox) and sends it when it can. */
  private finish(script: Script, run: RunState): void {
    if (this.recorded) return
    const L = this.deps.catalog.L
    const o = L.outcome(script, run, this.deps.now())
    const record = L.recordOf(o, this.deps.newId())
    try {
      this.deps.outbox.enqueue('scripts.recordRun', record, {
        record: `scriptrun:${record.id}`,
        summary: `话术：${script.title}`
      })
    } catch (e) {
      this.problem = `这次没有记录上：${messageOf(e)}`
      return
    }
    this.recorded = { id: record.id, title: script.title, outcome: o }
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
      const noted = from.ask?.note ? run.answers[noteKey(from.ask)] : undefined
      if (from.ask?.note && noted) out.push({ label: from.ask.note, value: noted })
      const branch = m.branch === null ? undefined : from.branches?.[m.branch]
      if (branch) out.push({ label: from.title ?? from.id, value: branch.label })
    }
    return out
  }
}
