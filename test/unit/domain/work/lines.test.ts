/** Incidents and tasks in words: the task card, an incident's state, the supervisor's board rows. */
import {
  boardIncidentLines,
  canFollowUp,
  checklistLine,
  completionLine,
  dueWhen,
  grabLostLine,
  rejectionLine,
  followUpLines,
  incidentSettled,
  incidentTag,
  percentOf,
  photoButton,
  staffChip,
  taskHolder,
  taskLine,
  taskTag
} from '../../../../src/domain/work/lines'

// 2026-11-30 15:00 in China
const NOW = Date.parse('2026-11-30T15:00:00+08:00')
const at = (s: string) => Date.parse(`${s}+08:00`)

describe('task lines', () => {
  it('the card: type, place, due (China time), priority, and 已超时 when late', () => {
    const t = {
      type: 'repair' as const,
      place: '1栋大堂',
      dueAt: at('2026-11-30T17:00:00'),
      priority: 'high' as const,
      overdue: false
    }
    expect(taskLine(t, NOW)).toBe('维修 · 1栋大堂 · 今天 17:00 前 · 优先级高')
    expect(taskLine({ ...t, place: undefined, dueAt: at('2026-11-29T09:30:00'), overdue: true }, NOW)).toBe(
      '维修 · 昨天 09:30 前 · 优先级高 · 已超时'
    )
  })
  it('a due time always has its day: 今天, 明天 (01:46 tomorrow is not 01:46 today), a weekday in the coming week, else the date', () => {
    // 2026-11-30 is a Monday
    expect(dueWhen(at('2026-11-30T23:59:00'), NOW)).toBe('今天 23:59')
    expect(dueWhen(at('2026-12-01T01:46:00'), NOW)).toBe('明天 01:46')
    expect(dueWhen(at('2026-12-02T09:00:00'), NOW)).toBe('周三 09:00')
    expect(dueWhen(at('2026-12-06T09:00:00'), NOW)).toBe('周日 09:00')
    expect(dueWhen(at('2026-12-07T09:00:00'), NOW)).toBe('12月7日 09:00')
    expect(dueWhen(at('2026-11-29T23:00:00'), NOW)).toBe('昨天 23:00')
    expect(dueWhen(at('2026-11-20T08:00:00'), NOW)).toBe('11月20日 08:00')
    // China time, whatever zone runs it: 2026-11-30 16:30 UTC is 12-01 00:30 in China
    expect(dueWhen(Date.parse('2026-11-30T16:30:00Z'), NOW)).toBe('明天 00:30')
  })
  it("the supervisor's reason for sending work back stays on the card until the next completion", () => {
    const h = (what: string, note?: string) => ({ at: 1, by: 's', byName: '周主管', what, note })
    const back = {
      status: 'inProgress' as const,
      history: [h('抢单'), h('完成'), h('验收不通过', '地面还有水渍')]
    }
    expect(rejectionLine(back)).toBe('验收不通过（周主管）：地面还有水渍')
    expect(rejectionLine({ ...back, history: [...back.history.slice(0, 2), h('验收不通过')] })).toBe(
      '验收不通过（周主管）：没有写原因，请问主管'
    )
    expect(rejectionLine({ status: 'done', history: [...back.history, h('完成')] })).toBeUndefined()
    expect(rejectionLine({ status: 'inProgress', history: [...back.history, h('完成')] })).toBeUndefined()
    expect(rejectionLine({ status: 'inProgress', history: [h('抢单')] })).toBeUndefined()
  })
  it('a lost grab names who holds it; the review shows the ticked checklist', () => {
    expect(grabLostLine('这个任务待接单，不能抢单（已被钱工抢走）')).toBe('已被钱工抢走，这单不用去了')
    expect(grabLostLine('这个单刚被别人抢走了')).toBe('没抢到：这个单刚被别人抢走了')
    expect(grabLostLine('网络不通')).toBe('没抢到：网络不通')
    expect(
      checklistLine({
        checklist: [
          { label: '地面', done: true },
          { label: '玻璃门', done: false }
        ]
      })
    ).toBe('检查项 1/2：☑ 地面 · ☐ 玻璃门')
    expect(checklistLine({ checklist: [] })).toBeUndefined()
  })
  it('the tag: an open task in a pool names its department', () => {
    expect(taskTag({ status: 'open', dept: 'engineering' })).toBe('工程部·待抢单')
    expect(taskTag({ status: 'open' })).toBe('待抢单')
    expect(taskTag({ status: 'done', dept: 'engineering' })).toBe('待验收')
  })
  it('the photo button says how many are taken, else whether one is needed', () => {
    expect(photoButton(0, true)).toBe('拍完成后的照片（必须）')
    expect(photoButton(0, false)).toBe('拍照（可不拍）')
    expect(photoButton(2, true)).toBe('再拍一张（已拍 2 张）')
  })
  it('who has it: the assignee, else the department’s pool, else nobody', () => {
    expect(taskHolder({ assigneeName: '钱工', dept: 'engineering' })).toBe('钱工')
    expect(taskHolder({ dept: 'cleaning' })).toBe('清洁部抢单池')
    expect(taskHolder({})).toBe('')
  })
  it('the completion for review: only when a note was written, with the photo count', () => {
    expect(completionLine({ completionNote: '换了接头', completionPhotoIds: ['a', 'b'] })).toBe(
      '说明：换了接头 · 照片2张'
    )
    expect(completionLine({ completionNote: '好了', completionPhotoIds: [] })).toBe('说明：好了')
    expect(completionLine({ completionPhotoIds: ['a'] })).toBeUndefined()
  })
})

describe('incident lines', () => {
  it('settled when resolved or verified; the tag adds who has it', () => {
    expect(['resolved', 'verified'].every((s) => incidentSettled(s as 'resolved'))).toBe(true)
    expect(incidentSettled('inProgress')).toBe(false)
    expect(incidentSettled('reopened')).toBe(false)
    expect(incidentTag({ status: 'inProgress', assigneeName: '钱工' })).toBe('处理中 · 钱工')
    expect(incidentTag({ status: 'reported' })).toBe('已上报')
  })
  it('a board row: severity, what, where, how long ago, late; who reported it and who (or which pool) has it', () => {
    const i = {
      severity: 'urgent' as const,
      categoryLabel: '漏水',
      place: '2栋',
      reportedAt: at('2026-11-30T14:55:00'),
      overdue: false,
      reporterName: '张卫国',
      status: 'reported' as const,
      dept: 'engineering' as const
    }
    expect(boardIncidentLines(i, NOW)).toEqual({
      title: '[特急] 漏水 · 2栋 · 5分钟前',
      detail: '张卫国上报 · 已上报 · 工程部'
    })
    expect(
      boardIncidentLines(
        { ...i, place: undefined, overdue: true, status: 'accepted', assigneeName: '钱工' },
        NOW
      )
    ).toEqual({ title: '[特急] 漏水 · 5分钟前 · 已超时', detail: '张卫国上报 · 已接单 · 钱工' })
  })
  it('a follow-up row: the owner’s room and the trouble; when it was done and how', () => {
    expect(
      followUpLines(
        {
          ownerRoom: '1-1-101',
          categoryLabel: '漏水',
          note: '厨房',
          resolvedAt: at('2026-11-30T10:05:00'),
          resolutionNote: '换了接头'
        },
        NOW
      )
    ).toEqual({ title: '1-1-101 · 漏水：厨房', detail: '处理于 10:05 · 换了接头' })
    expect(followUpLines({ categoryLabel: '漏水' }, NOW)).toEqual({ title: ' · 漏水', detail: '处理于 ' })
  })
})

describe('the rest of the board', () => {
  it('percent of a total, 0 of nothing', () => {
    expect(percentOf(1, 3)).toBe(33)
    expect(percentOf(0, 0)).toBe(0)
    expect(percentOf(2, 2)).toBe(100)
  })
  it('a person to assign to, with their roles', () => {
    expect(staffChip({ name: '钱工', roles: ['engineer'] })).toBe('钱工·工程')
    expect(staffChip({ name: '周主管', roles: ['supervisor', 'admin'] })).toBe('周主管·主管管理员')
  })
  it('who sees 业主回访: the roles work.followUps lets in', () => {
    expect(canFollowUp(['housekeeper'])).toBe(true)
    expect(canFollowUp(['guard', 'engineer'])).toBe(false)
  })
})
