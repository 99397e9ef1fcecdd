/**
 * A daily report boiled down to what its share picture shows (./picture.ts): four headline
 * numbers, what needs attention worst first, the visitors and cars by hour, and the comment.
 */
import type { DailyReport, Headline } from '../../../domain/report/types'
import { startOfLocalDate, weekday } from '../../../domain/time'
import type { PictureInput, PictureTile, Tone } from './picture'

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** 周一 … 周日 of a local day YYYY-MM-DD. */
export function weekdayOf(day: string): string {
  return WEEKDAYS[weekday(startOfLocalDate(day) + 12 * 3600_000)] ?? ''
}

/** The patrol tile: rounds done of planned, red with a missed round, amber with a late one. */
function patrolTile(r: DailyReport): PictureTile {
  const p = r.patrol
  const tone: Tone = p.missed > 0 ? 'bad' : p.late > 0 || p.incomplete > 0 ? 'warn' : 'ok'
  return {
    label: '巡更完成',
    value: p.planned ? `${p.done}/${p.planned}` : '—',
    tone: p.planned ? tone : 'plain'
  }
}

/** The warnings: the report's bad and warn headlines that are not zero, as 漏巡 2. */
export function alertsOf(headlines: readonly Headline[]): string[] {
  return headlines
    .filter((h) => (h.level === 'bad' || h.level === 'warn') && h.value !== null && h.value !== 0)
    .map((h) => `${h.label} ${h.display}`)
}

export function pictureOf(r: DailyReport, comment?: { text: string; byName: string }): PictureInput {
  const c = comment ?? r.comment
  return {
    estate: r.estateName,
    day: r.day,
    weekday: weekdayOf(r.day),
    tiles: [
      { label: '访客', value: String(r.gate.visitorsIn), tone: 'plain' },
      { label: '车辆', value: String(r.gate.vehiclesIn), tone: 'plain' },
      patrolTile(r),
      {
        label: '新报事',
        value: String(r.incidents.new),
        tone: r.incidents.overdue > 0 ? 'bad' : 'plain'
      }
    ],
    alerts: alertsOf(r.headlines),
    hours: Array.from(
      { length: 24 },
      (_, h) => (r.gate.visitorsByHour[h] ?? 0) + (r.gate.vehiclesByHour[h] ?? 0)
    ),
    ...(c?.text.trim() ? { comment: c.text.trim(), by: c.byName } : {})
  }
}
