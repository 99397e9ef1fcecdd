/**
 * An estate's form: name, address, company, time zone and settings (overstay hours, response
 * minutes by severity, patrol defaults), with the defaults a new estate starts from and the
 * checks that need more than one field.
 */
import type { EstateSettings } from '../entities'
import { safetyOf, safetyProblem } from '../safety/rules'

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'

export const DEFAULT_ESTATE_SETTINGS: EstateSettings = {
  overstayHours: 4,
  patrol: { everyMinutes: 120, minMinutes: 20, maxMinutes: 60 }
}

/** The hour the daily report (日报) of the day before is made, unless the estate sets its own. */
export const DEFAULT_REPORT_HOUR = 8

/** The estate's report hour (0-23). */
export function reportHourOf(s: Pick<EstateSettings, 'reportHour'> | undefined): number {
  return s?.reportHour ?? DEFAULT_REPORT_HOUR
}

export const SEVERITY_LABELS = { low: '一般', normal: '普通', high: '紧急', urgent: '特急' } as const

export interface GateNameProblem {
  field: 'name'
  message: string
}

/** Settings of a new estate: the defaults with what the person set over them. */
export function settingsWithDefaults(s: Partial<EstateSettings> | undefined): EstateSettings {
  return {
    ...DEFAULT_ESTATE_SETTINGS,
    ...s,
    patrol: s?.patrol ?? DEFAULT_ESTATE_SETTINGS.patrol
  }
}

/** What is wrong with the settings as a whole (one field alone is checked by the contract's schema). */
export function settingsProblem(s: EstateSettings): { field: string; message: string } | undefined {
  const p = s.patrol
  if (p && p.maxMinutes < p.minMinutes)
    return { field: 'settings.patrol.maxMinutes', message: '巡更用时：最长应不少于最短' }
  if (p && p.minMinutes > p.everyMinutes)
    return { field: 'settings.patrol.minMinutes', message: '巡更用时：最短不能超过两轮之间的间隔' }
  if (s.safety) {
    const sp = safetyProblem(s.safety)
    if (sp) return sp
  }
  const r = s.responseMinutes
  if (r) {
    const order = (['urgent', 'high', 'normal', 'low'] as const).filter((k) => r[k] !== undefined)
    for (let i = 1; i < order.length; i++)
      if (r[order[i]]! < r[order[i - 1]]!)
        return {
          field: `settings.responseMinutes.${order[i]}`,
          message: `处理时限：${SEVERITY_LABELS[order[i]]}不应比${SEVERITY_LABELS[order[i - 1]]}更短`
        }
  }
  return undefined
}

/** Whether a time zone name is one the runtime knows (Intl), e.g. Asia/Shanghai, Asia/Urumqi. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/** A gate or post name as people type it: trimmed, inner spaces dropped; 东门岗 stays 东门岗. */
export function placeName(name: string): string {
  return name.replace(/\s+/g, '')
}

export const SEVERITIES = ['urgent', 'high', 'normal', 'low'] as const

/** The settings screen as typed: numbers as text; an empty response time keeps the company default. */
export interface SettingsForm {
  overstayHours: string
  responseMinutes: Record<(typeof SEVERITIES)[number], string>
  everyMinutes: string
  minMinutes: string
  maxMinutes: string
  /** 报平安: minutes between check-ins on patrol (0: off), and the grace after */
  checkInMinutes: string
  graceMinutes: string
  /** 日报: the hour (0-23) yesterday's report is made */
  reportHour: string
}

/** The screen filled from the estate's settings (patrol from the defaults when unset). */
export function settingsForm(s: EstateSettings): SettingsForm {
  const r = s.responseMinutes ?? {}
  const p = s.patrol ?? DEFAULT_ESTATE_SETTINGS.patrol!
  return {
    overstayHours: String(s.overstayHours),
    responseMinutes: {
      urgent: r.urgent === undefined ? '' : String(r.urgent),
      high: r.high === undefined ? '' : String(r.high),
      normal: r.normal === undefined ? '' : String(r.normal),
      low: r.low === undefined ? '' : String(r.low)
    },
    everyMinutes: String(p.everyMinutes),
    minMinutes: String(p.minMinutes),
    maxMinutes: String(p.maxMinutes),
    checkInMinutes: String(safetyOf(s).checkInMinutes),
    graceMinutes: String(safetyOf(s).graceMinutes),
    reportHour: String(reportHourOf(s))
  }
}

/** A whole number typed: undefined when it is not one. */
function wholeNumber(t: string): number | undefined {
  const s = t.trim()
  return /^\d{1,6}$/.test(s) ? Number(s) : undefined
}

/**
 * The settings to send, or the first field that is wrong with a message for it (the field as
 * the server names it: settings.patrol.maxMinutes). The ranges are the contract's; this says
 * the same on the phone before sending, and the relations between fields (settingsProblem).
 */
export function settingsFromForm(f: SettingsForm): EstateSettings | { field: string; message: string } {
  const hours = wholeNumber(f.overstayHours)
  if (hours === undefined || hours < 1 || hours > 72)
    return { field: 'settings.overstayHours', message: '滞留提醒：请填写1到72之间的整数（小时）' }
  const responseMinutes: NonNullable<EstateSettings['responseMinutes']> = {}
  for (const k of SEVERITIES) {
    if (!f.responseMinutes[k].trim()) continue
    const m = wholeNumber(f.responseMinutes[k])
    if (m === undefined || m < 1 || m > 30 * 24 * 60)
      return {
        field: `settings.responseMinutes.${k}`,
        message: `处理时限（${SEVERITY_LABELS[k]}）：请填写1到43200之间的整数（分钟），或留空用公司默认`
      }
    responseMinutes[k] = m
  }
  const patrol = {
    everyMinutes: wholeNumber(f.everyMinutes),
    minMinutes: wholeNumber(f.minMinutes),
    maxMinutes: wholeNumber(f.maxMinutes)
  }
  const names = { everyMinutes: '两轮间隔', minMinutes: '最短用时', maxMinutes: '最长用时' } as const
  for (const k of ['everyMinutes', 'minMinutes', 'maxMinutes'] as const) {
    const v = patrol[k]
    if (v === undefined || v < (k === 'everyMinutes' ? 15 : 1) || v > 24 * 60)
      return {
        field: `settings.patrol.${k}`,
        message: `巡更${names[k]}：请填写${k === 'everyMinutes' ? 15 : 1}到1440之间的整数（分钟）`
      }
  }
  const reportHour = wholeNumber(f.reportHour)
  if (reportHour === undefined || reportHour > 23)
    return { field: 'settings.reportHour', message: '日报生成时间：请填写0到23之间的整数（点钟）' }
  const checkIn = wholeNumber(f.checkInMinutes)
  const grace = wholeNumber(f.graceMinutes)
  const s: EstateSettings = {
    overstayHours: hours,
    responseMinutes,
    patrol: patrol as NonNullable<EstateSettings['patrol']>,
    safety: { checkInMinutes: checkIn ?? -1, graceMinutes: grace ?? -1 },
    reportHour
  }
  const p = settingsProblem(s)
  return p ?? s
}
