import { makeBackend, type Backend } from '../../../stores/backend'
import { signedIn } from '../../../../kit/session'
import { otherEstate, visitor } from '../../../../kit/factories'
import { CompareStore, ReportStore, latestDay } from '../../../../../src/pages/report/model/report'
import { DAY_MS, localDate } from '../../../../../src/domain/time'
import { DEMO_ESTATE_ID } from '../../../../../src/cloud/seed'
import type { StoredDoc } from '../../../../../src/cloud/data/port'
import type { TextCmd } from '../../../../../src/pages/report/model/picture'

let b: Backend
beforeEach(async () => {
  b = await makeBackend()
})

async function supervisor(who = 'supervisor') {
  const p = await signedIn(b, who)
  const store = new ReportStore({ ...p.deps, staffName: () => '周主管' })
  return { ...p, store }
}

const texts = (s: ReportStore) =>
  s
    .picture()
    .filter((c): c is TextCmd => c.op === 'text')
    .map((c) => c.text)

describe('ReportStore', () => {
  it("opens yesterday's report by default, with the day's visitors; never goes past yesterday", async () => {
    const day = localDate(b.h.clock.now)
    await visitor(b.h)
    await visitor(b.h, { name: '李四', room: '2-1-302' })
    b.h.clock.now += DAY_MS
    const s = await supervisor()
    await s.store.load()
    expect(s.store.date).toBe(day)
    expect(s.store.date).toBe(latestDay(b.h.clock.now))
    expect(s.store.isLatest).toBe(true)
    expect(s.store.error).toBe('')
    expect(s.store.report?.gate.visitorsIn).toBe(2)
    expect(s.store.report?.estateName).toBe('翠湖花园')

    s.store.move(1) // yesterday is the latest: stays
    expect(s.store.date).toBe(day)
    s.store.move(-1)
    await Promise.resolve()
    expect(s.store.date < day).toBe(true)
    expect(s.store.isLatest).toBe(false)
    await s.store.load(day)
    expect(s.store.report?.day).toBe(day)
  })

  it('the comment offline: kept on the phone, shown 待上传 and in the picture; arrives and is the server’s after reconnect', async () => {
    b.h.clock.now += DAY_MS
    const s = await supervisor()
    await s.store.load()
    expect(s.store.comment).toBeUndefined()
    expect(texts(s.store).some((t) => t.startsWith('点评'))).toBe(false)

    b.online = false
    s.store.edit(true)
    s.store.setDraft('  东门早高峰加派一人  ')
    expect(await s.store.saveComment()).toBe(true)
    expect(s.store.editing).toBe(false)
    expect(s.store.comment).toEqual({ text: '东门早高峰加派一人', byName: '周主管', waiting: true })
    expect(texts(s.store)).toContain('点评：东门早高峰加派一人')
    expect(await b.h.count('reports')).toBe(0)

    b.online = true
    await s.outbox.sync({ force: true })
    expect(s.outbox.mine).toHaveLength(0)
    await s.store.load(s.store.date)
    expect(s.store.comment).toEqual({ text: '东门早高峰加派一人', byName: '周主管', waiting: false })
    expect(s.store.report?.comment?.text).toBe('东门早高峰加派一人')
  })

  it('an empty comment is refused on the phone; the server’s refusal is shown and nothing is left to resend', async () => {
    b.h.clock.now += DAY_MS
    const s = await supervisor()
    await s.store.load()
    s.store.setDraft('   ')
    expect(await s.store.saveComment()).toBe(false)
    expect(s.store.commentError).toBe('请先写点评')
    expect(s.outbox.mine).toHaveLength(0)

    // a guard's phone cannot comment (the server says so; the entry is not kept)
    const g = await signedIn(b, 'guard')
    const gs = new ReportStore({ ...g.deps, staffName: () => '张卫国' })
    gs.date = s.store.date
    gs.setDraft('随便写写')
    expect(await gs.saveComment()).toBe(false)
    expect(gs.commentError).not.toBe('')
    expect(g.outbox.mine).toHaveLength(0)
  })

  it('offline: the day last read is shown from the phone (said so); another day is not', async () => {
    await visitor(b.h)
    b.h.clock.now += DAY_MS
    const s = await supervisor()
    await s.store.load()
    expect(s.store.offline).toBe(false)
    b.online = false
    const again = new ReportStore({ ...s.deps, staffName: () => '周主管' })
    await again.load()
    expect(again.offline).toBe(true)
    expect(again.report?.gate.visitorsIn).toBe(1)
    expect(again.error).not.toBe('')
    await again.load(localDate(b.h.clock.now - 3 * DAY_MS))
    expect(again.report).toBeNull()
    expect(again.offline).toBe(false)
    b.online = true
    await again.load()
    expect(again.offline).toBe(false)
    expect(again.error).toBe('')
  })

  it('the .xlsx of the day comes as base64 of a zip (an .xlsx is one)', async () => {
    b.h.clock.now += DAY_MS
    const s = await supervisor()
    await s.store.load()
    const f = await s.store.xlsx()
    expect(f?.filename).toMatch(/\.xlsx$/)
    expect(Buffer.from(f!.data, 'base64').subarray(0, 2).toString()).toBe('PK')
    expect(s.store.exporting).toBe(false)
  })

  it('a day not yet over is refused with the server’s Chinese reason', async () => {
    const s = await supervisor()
    await s.store.load()
    // asked for today through the store's clamp: it shows yesterday instead
    expect(s.store.date).toBe(latestDay(b.h.clock.now))
    const raw = new ReportStore({ ...s.deps, staffName: () => '', now: () => b.h.clock.now + DAY_MS })
    await raw.load(localDate(b.h.clock.now))
    expect(raw.report).toBeNull()
    expect(raw.error).toMatch(/[\u4e00-\u9fa5]/)
  })
})

describe('CompareStore', () => {
  it("a manager's estates side by side for a day, worst first, each with its 30-day trend", async () => {
    const e2 = await otherEstate(b.h)
    await visitor(b.h)
    b.h.clock.now += DAY_MS
    // the manager works in both (a demo person, so the phone signs in as the demo list does)
    const id = e2.both('supervisor')
    const doc = (await b.h.db.get<StoredDoc>('staff', id))!
    await b.h.db.update<StoredDoc>('staff', id, doc._v, { demo: true })
    const p = await signedIn(b, id)
    const c = new CompareStore({
      api: () => p.api,
      apiFor: (estateId) => b.api({ token: p.session.token, estateId }),
      now: () => b.h.clock.now
    })
    await c.load()
    expect(c.error).toBe('')
    expect(c.rows.map((r) => r.estateId).sort()).toEqual([DEMO_ESTATE_ID, e2.id].sort())
    // worst first: the score never rises down the list
    for (let i = 1; i < c.rows.length; i++) expect(c.rows[i].score).toBeLessThanOrEqual(c.rows[i - 1].score)
    for (const r of c.rows) {
      const t = c.trends[r.estateId]
      expect(t.estateId).toBe(r.estateId)
      expect(t.points).toHaveLength(30)
      expect(t.points[29].day).toBe(c.date)
    }
    expect(c.trends[DEMO_ESTATE_ID].points[29].values.visitors).toBe(1)
    expect(c.trends[e2.id].points[29].values.visitors).toBe(0)
    c.setFigure('visitors')
    expect(c.figure).toBe('visitors')
  })
})
