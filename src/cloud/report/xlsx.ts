/**
 * The report as an .xlsx for the office: a sheet per section (概要, 门岗, 巡更, 报事, 任务, 交接班,
 * 考勤, 事件). write-excel-file is bundled into the admin function by esbuild.
 */
import writeXlsxFile from 'write-excel-file/node'
import type { Row, SheetData } from 'write-excel-file/node'
import type { DailyReport } from '../../domain/report/types'
import { localClock } from '../../domain/time'

type Cell = string | number | null
const row = (...cells: Cell[]): Row => cells.map((v) => (v === null ? null : { value: v }))
const head = (...cells: string[]): Row => cells.map((v) => ({ value: v, fontWeight: 'bold' as const }))
const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`

/** The sheets' rows, as plain values (the test reads them back). */
export function reportSheets(r: DailyReport): { sheet: string; data: SheetData }[] {
  const g = r.gate
  const p = r.patrol
  const i = r.incidents
  const t = r.tasks
  const h = r.handovers
  const a = r.attendance
  return [
    {
      sheet: '概要',
      data: [
        head('小区', '日期'),
        row(r.estateName, r.day),
        ...(r.comment ? [row('主管点评', `${r.comment.text}（${r.comment.byName}）`)] : []),
        head('项目', '数值'),
        ...r.headlines.map((x) => row(x.label, x.value ?? x.display))
      ]
    },
    {
      sheet: '门岗',
      data: [
        head('时段', '访客进入', '车辆入场'),
        ...g.visitorsByHour.map((n, k) => row(hourLabel(k), n, g.vehiclesByHour[k])),
        head('项目', '数值'),
        row('访客进入', g.visitorsIn),
        row('车辆入场', g.vehiclesIn),
        row('日终在园访客', g.insideAtClose.visitors),
        row('日终在园外来车辆', g.insideAtClose.vehicles),
        row('使用通行证', g.passesUsed),
        row('使用放行条', g.slipsUsed),
        row('物品放行', g.goodsReleased),
        row('未放行', g.refusals),
        row('黑名单', g.blockHits),
        row('黑名单仍放行', g.blockOverrides)
      ]
    },
    {
      sheet: '巡更',
      data: [
        head('项目', '数值'),
        row('应巡轮次', p.planned),
        row('完成', p.done),
        row('迟巡', p.late),
        row('漏巡', p.missed),
        row('未巡完', p.incomplete),
        row('覆盖率(%)', p.coveragePct),
        row('应打点', p.checkpointsPlanned),
        row('已打点', p.checkpointsScanned),
        row('存疑打点', p.flaggedScans),
        head('时间', '巡更点', '巡逻员', '可信度', '原因'),
        ...p.flagged.map((f) => row(localClock(f.at), f.checkpoint, f.staffName, f.level, f.reason))
      ]
    },
    {
      sheet: '报事',
      data: [
        head('项目', '数值'),
        row('新报事', i.new),
        row('日终未结', i.openCount),
        row('超时', i.overdue),
        head('类别', '新报事数'),
        ...i.byCategory.map((c) => row(c.label, c.count)),
        head('未结报事', '已过小时', '超时'),
        ...i.open.map((o) => row(o.title, o.ageHours, o.overdue ? '是' : '否'))
      ]
    },
    {
      sheet: '任务',
      data: [
        head('部门', '完成', '逾期', '返工'),
        ...t.byDept.map((d) => row(d.label, d.done, d.late, d.rejected)),
        row('合计', t.done, t.late, t.rejected)
      ]
    },
    {
      sheet: '交接班',
      data: [
        head('交接班', '已接班', '未接班', '有差异'),
        row(h.count, h.accepted, h.open, h.withDifferences),
        head('岗位', '时间', '交班人', '接班人', '差异'),
        ...h.differences.map((d) =>
          row(d.post, localClock(d.at), d.fromName, d.toName ?? '', d.lines.join('；'))
        )
      ]
    },
    {
      sheet: '考勤',
      data: a.recorded
        ? [
            head('岗位', '姓名', '上岗', '下岗', '迟到(分钟)'),
            ...a.onPost.map((o) =>
              row(
                o.post,
                o.staffName,
                o.from === undefined ? '' : localClock(o.from),
                o.to === undefined ? '' : localClock(o.to),
                o.late ? (o.lateMinutes ?? 0) : 0
              )
            ),
            head('迟到', '缺勤', '缺勤人员'),
            row(a.late, a.absent, a.absentNames.join('、'))
          ]
        : [row('未记录考勤')]
    },
    {
      sheet: '事件',
      data: [
        head('时间', '类别', '事件'),
        ...r.events.map((e) => row(localClock(e.at), KIND_LABELS[e.kind], e.text))
      ]
    }
  ]
}

const KIND_LABELS = {
  gate: '门岗',
  patrol: '巡更',
  incident: '报事',
  task: '任务',
  handover: '交接班',
  attendance: '考勤'
} as const

export async function reportXlsx(r: DailyReport): Promise<Buffer> {
  return writeXlsxFile(reportSheets(r)).toBuffer()
}
