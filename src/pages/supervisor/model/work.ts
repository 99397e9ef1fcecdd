/** The supervisor's side of incidents and tasks: the board, review, and new (or recurring) tasks. */
import { makeAutoObservable, runInAction } from 'mobx'
import type { InputOf, StaffListItem, TaskOut, TemplateOut, WorkBoard } from '../../../domain/contract'
import type { Api } from '../../../stores/api'
import { loadActions, messageOf } from '../../../stores/api'
import type { OutboxStore } from '../../../stores/outbox'
import { submitAndReload } from '../../send'
import { STAFF_ACTIONS } from '../../../domain/contract/staff'
import { WORK_ACTIONS } from '../../../domain/contract/work'

// This store's part of the contract: its schemas travel in this subpackage, not in the main package.
loadActions(WORK_ACTIONS)
loadActions(STAFF_ACTIONS)

export interface WorkAdminDeps {
  api: () => Api
  outbox: OutboxStore
  now: () => number
  newId: () => string
}

/** The forms this store sends and waits for. */
type WorkSave = 'work.taskCreate' | 'work.taskReview' | 'work.templateSave' | 'work.templateStop'

export class WorkAdminStore {
  board: WorkBoard | undefined = undefined
  tasks: TaskOut[] = []
  /** the estate's recurring tasks still in force */
  templates: TemplateOut[] = []
  staff: StaffListItem[] = []
  error = ''
  message = ''

  constructor(private deps: WorkAdminDeps) {
    makeAutoObservable<WorkAdminStore, 'deps'>(this, { deps: false })
  }

  async load(): Promise<void> {
    this.error = ''
    try {
      const [board, tasks, staff, templates] = await Promise.all([
        this.deps.api()('work.board', {}),
        this.deps.api()('work.allTasks', {}),
        this.deps.api()('staff.list', {}),
        this.deps.api()('work.templates', {})
      ])
      runInAction(() => {
        this.board = board
        this.tasks = tasks
        this.templates = templates
        this.staff = staff.filter((s) => s.active)
      })
    } catch (e) {
      runInAction(() => (this.error = messageOf(e)))
    }
  }

  get toReview(): TaskOut[] {
    return this.tasks.filter((t) => t.status === 'done')
  }

  private save<A extends WorkSave>(action: A, input: InputOf<A>, summary: string) {
    const record = `worksup:${this.deps.newId()}`
    return submitAndReload(this, this.deps.outbox, action, input, { record, summary }, () => this.load())
  }

  createTask(f: Omit<InputOf<'work.taskCreate'>, 'id'>): Promise<boolean> {
    return this.save('work.taskCreate', { ...f, id: this.deps.newId() }, `派任务：${f.title}`)
  }
  saveTemplate(f: Omit<InputOf<'work.templateSave'>, 'id'>): Promise<boolean> {
    return this.save('work.templateSave', { ...f, id: this.deps.newId() }, `周期任务：${f.title}`)
  }
  /** Stops a recurring task: no more are made; those made stay. */
  stopTemplate(t: TemplateOut): Promise<boolean> {
    return this.save('work.templateStop', { id: t.id }, `停用周期任务：${t.title}`)
  }
  reassign(t: TaskOut, assigneeId: string): Promise<boolean> {
    return this.save('work.taskReview', { taskId: t.id, act: 'assign', assigneeId }, `改派：${t.title}`)
  }
  review(t: TaskOut, act: 'close' | 'reject', reason?: string): Promise<boolean> {
    return this.save(
      'work.taskReview',
      { taskId: t.id, act, reason: reason?.trim() || undefined },
      `${act === 'close' ? '验收' : '退回'}：${t.title}`
    )
  }
}
