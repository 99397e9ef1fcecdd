/**
 * The supervisor's 话术确认情况 in words: who has script versions to confirm, and the latest runs.
 * Pure (the time is passed in); the supervisor's first screen shows these lines as they are.
 */
import type { ScriptAckStatus, ScriptRunItem } from '../contract/scripts'
import { roleNames } from '../roles'
import { localClock, localDate } from '../time'

/** A line of the overview: its title and the muted line under it. */
export interface OverviewLine {
  title: string
  detail: string
}

/** People with scripts to confirm, most first (those with none left out). */
export function outdatedStaff(list: readonly ScriptAckStatus[]): ScriptAckStatus[] {
  return list.filter((p) => p.outdated.length > 0).sort((a, b) => b.outdated.length - a.outdated.length)
}

/** How many scripts a person's overview line names before “等”. */
const NAMED = 3

/** 张卫国（门岗）：2 份待确认 / 访客登记（已读第1版，现第2版）、… 等 */
export function outdatedLine(p: ScriptAckStatus): OverviewLine {
  const named = p.outdated
    .slice(0, NAMED)
    .map((o) => (o.ackedVersion ? `${o.title}（已读第${o.ackedVersion}版，现第${o.version}版）` : o.title))
  return {
    title: `${p.name}（${roleNames(p.roles)}）：${p.outdated.length} 份待确认`,
    detail: named.join('、') + (p.outdated.length > NAMED ? ' 等' : '')
  }
}

/** 45秒, 2分5秒 */
export function durationText(ms: number): string {
  const sec = Math.round(ms / 1000)
  return sec < 60 ? `${sec}秒` : `${Math.floor(sec / 60)}分${sec % 60}秒`
}

/** 张卫国 · 访客登记 / [the day, unless it is today] 09:30 · 已放行 · 用时1分5秒 (estate time) */
export function runLine(r: ScriptRunItem, now: number): OverviewLine {
  const day = localDate(r.at) === localDate(now) ? '' : `${localDate(r.at)} `
  return {
    title: `${r.staffName} · ${r.title}`,
    detail: `${day}${localClock(r.at)} · ${r.outcomeLabel || r.outcome} · 用时${durationText(r.durationMs)}`
  }
}
