/** The sweep's work steps: overdue tasks escalated to the supervisors once, the day's recurring tasks made once. */
import type { Estate, Staff } from '../../domain/entities'
import { dayStart } from '../../domain/time'
import { taskFromTemplate, templateRunsOn, templateTaskId } from '../../domain/work/incidents'
import type { Incident, Task } from '../../domain/work/model'
import type { Ctx } from '../context'
import { inSets } from '../cron/sets'
import { coll } from '../kit'
import { supervisorsIn } from './inbox'
import { INBOX, INCIDENTS, TASKS, WorkRepo } from './repo'
import { systemHist } from './views'

const ESTATES = coll<Estate>('estates')
/** Overdue tasks looked at per page. */
const LATE_PAGE = 200

/** The cron has no transaction: its repository reads and writes the store. */
const sweepRepo = (ctx: Ctx) => new WorkRepo({ ...ctx, db: ctx.store })
const outOfTime = (ctx: Ctx) => ctx.deadline !== undefined && ctx.config.now() >= ctx.deadline

/**
 * Past due and not done: the supervisors are told once, and the record is marked. Every
 * overdue task is looked at, page by page, whatever the backlog; each page's incidents are
 * read with one query and the marks and inbox items are written in sets.
 */
export async function escalate(ctx: Ctx): Promise<number> {
  const repo = sweepRepo(ctx)
  let n = 0
  const estates = await repo.all(ESTATES, { orderBy: [['_id', 'asc']] })
  for (const e of estates) {
    let sups: Staff[] | undefined
    let after: string | undefined
    do {
      if (outOfTime(ctx)) return n
      const late = await repo.lateOpen(e._id, ctx.now, LATE_PAGE, after)
      after = late.next
      const todo = late.items.filter((t) => !t.escalatedAt)
      if (!todo.length) continue
      const incidentIds = [...new Set(todo.flatMap((t) => (t.incidentId ? [t.incidentId] : [])))]
      const [people, incidents] = await Promise.all([
        sups ?? repo.staffOf(e._id),
        incidentIds.length ? repo.incidentsWithIds(incidentIds) : []
      ])
      const told = (sups ??= supervisorsIn(people))
      const byId = new Map(incidents.map((i) => [i._id, i]))
      await inSets(todo, async (t: Task) => {
        const marked = await repo.tryUpdate(TASKS, t, {
          escalatedAt: ctx.now,
          history: [...t.history, systemHist(ctx.now, '超时，已通知主管')]
        })
        if (!marked) return
        const i: Incident | undefined = t.incidentId ? byId.get(t.incidentId) : undefined
        await Promise.all([
          i && !i.escalatedAt ? repo.tryUpdate(INCIDENTS, i, { escalatedAt: ctx.now }) : undefined,
          ...told.map((s) =>
            repo.insert(
              INBOX,
              {
                _id: ctx.newId(),
                estateId: e._id,
                staffId: s._id,
                kind: 'escalated',
                title: `超时未完成：${t.title}`,
                refId: t._id,
                at: ctx.now
              },
              { fresh: true }
            )
          )
        ])
        n++
      })
    } while (after)
  }
  return n
}

/** Today's tasks from recurring templates, once each (the id says which day). */
export async function recurring(ctx: Ctx): Promise<number> {
  const repo = sweepRepo(ctx)
  let n = 0
  const d0 = dayStart(ctx.now)
  const due = (await repo.activeTemplates()).filter((tpl) => templateRunsOn(tpl, ctx.now))
  // which of today's tasks exist already: one query per hundred templates, then the rest made in sets
  const made = new Set(
    (await repo.tasksWithIds(due.map((tpl) => templateTaskId(tpl._id, d0)))).map((t) => t._id)
  )
  await inSets(due, async (tpl) => {
    const id = templateTaskId(tpl._id, d0)
    if (made.has(id)) return
    try {
      await repo.insert(TASKS, {
        _id: id,
        ...taskFromTemplate(tpl, d0),
        createdBy: 'cron',
        createdByName: '周期任务',
        history: [systemHist(ctx.now, '按周期任务模板生成')]
      })
      n++
    } catch {
      // made by a parallel run: fine
    }
  })
  return n
}
