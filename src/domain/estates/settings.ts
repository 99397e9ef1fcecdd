/**
 * An estate's form: name, address, company, time zone and settings (overstay hours, response
 * minutes by severity, patrol defaults), with the defaults a new estate starts from and the
 * checks that need more than one field.
 */
import type { EstateSettings } from '../entities'

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'

export const DEFAULT_ESTATE_SETTINGS: EstateSettings = {
  overstayHours: 4,
  patrol: { everyMinutes: 120, minMinutes: 20, maxMinutes: 60 }
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
