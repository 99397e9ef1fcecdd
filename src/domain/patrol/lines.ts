/**
 * The supervisor's patrol views in words: the day's counts, a slot's row, a round's timeline
 * (each checkpoint with its scan and how far the scan can be trusted), and which coverage is
 * low. Pure (times shown in China time); tested in test/unit/domain/patrol/lines.test.ts.
 */
import type { DayRound, PatrolDay, RoundDetail, RoundOut, ScanOut } from '../contract/patrol'
import { localClock } from '../time'
import { EVIDENCE_LABELS, METHOD_LABELS, ROUND_STATUS_LABELS } from './model'

/** Coverage under this (percent) shows as a low bar. */
export const LOW_COVERAGE = 80

export function coverageLow(c: number | null): boolean {
  return c !== null && c < LOW_COVERAGE
}

/** 已完成 3 · 巡逻中 1 · 迟到 0 · … */
export function dayCountsLine(c: PatrolDay['counts']): string {
  return `已完成 ${c.done} · 巡逻中 ${c.inProgress} · 迟到 ${c.late} · 漏巡 ${c.missed} · 未巡完 ${c.incomplete} · 异常 ${c.anomalies} · 可疑打点 ${c.suspicious}`
}

/** A slot of the day: `08:00 巡逻中 · 李巡 · 50%` (the coverage once a round was started). */
export function dayRoundLine(
  r: Pick<DayRound, 'slotStart' | 'state' | 'staffName' | 'roundId' | 'coverage'>
): string {
  return `${localClock(r.slotStart)} ${ROUND_STATUS_LABELS[r.state]}${r.staffName ? ' · ' + r.staffName : ''}${r.roundId ? ` · ${r.coverage}%` : ''}`
}

/** A round's timeline heading: `全天巡逻 08:00 · 李巡 · 已完成`. */
export function roundTitle(r: Pick<RoundOut, 'planName' | 'slotStart' | 'staffName' | 'status'>): string {
  return `${r.planName} ${localClock(r.slotStart)} · ${r.staffName ?? ''} · ${ROUND_STATUS_LABELS[r.status]}`
}

/** A checkpoint on the timeline: `08:05 ✓ 1栋大堂`, or `✕ 1栋大堂（漏点）`. */
export function timelinePoint(pt: RoundDetail['checkpoints'][number]): string {
  return pt.scan
    ? `${localClock(pt.scan.deviceTime)} ✓ ${pt.checkpointName}`
    : `✕ ${pt.checkpointName}（漏点）`
}

/** How a scan was made and how far it can be trusted: `扫码 · 可信：GPS在范围内 · 顺序不符`. */
export function evidenceLine(s: Pick<ScanOut, 'method' | 'evidence' | 'outOfOrder'>): string {
  return `${METHOD_LABELS[s.method]} · ${EVIDENCE_LABELS[s.evidence.level]}：${s.evidence.reasons.join('，')}${s.outOfOrder ? ' · 顺序不符' : ''}`
}
