/**
 * Placeholders in script text: `{name}` is replaced by `fill`. Every name a script may use is
 * listed in KNOWN_PLACEHOLDERS; the validator rejects any other. A missing value falls back to
 * neutral text, so a filled line never shows a raw `{…}`.
 */

export type Gender = 'male' | 'female'

/** Time of day greetings, as the seeds write them (早上好 / 下午好 / 晚上好). */
export type Greeting = '早上好' | '下午好' | '晚上好'

/** The estates keep China time: UTC+8, no daylight saving. */
export const CHINA_OFFSET_MINUTES = 480

export interface FillContext {
  /** surname of the person being spoken to face to face, e.g. '王' */
  surname?: string
  /** gender of that person; unknown → honorific '先生/小姐' */
  gender?: Gender
  /** company name; default '利海物业' */
  company?: string
  /** estate (小区/园区) name, e.g. '利海豪园' */
  estate?: string
  /** gate or post, e.g. '正门' */
  gate?: string
  /** room, e.g. '3栋1单元502' */
  room?: string
  /** the member of staff speaking */
  staffName?: string
  /** who is being visited or called, written out, e.g. '王先生'; else built from hostSurname */
  host?: string
  hostSurname?: string
  hostGender?: Gender
  /** a place, e.g. '厨房' (seed: [具体位置]) */
  place?: string
  /** a facility, e.g. '路灯' (seed: [具体设施]) */
  facility?: string
  /** a piece of business, e.g. '水管报修' (seed: [具体业务]) */
  matter?: string
  /** an incident, e.g. '电梯困人' (seed: [具体事件]) */
  event?: string
  /** a department or person to hand over to (seed: ××部门(或××人)) */
  dept?: string
  /** a time, e.g. '今天下午6点' */
  time?: string
  /** current time; picks the greeting */
  now?: Date | number
  /** minutes east of UTC; default 480 (China) */
  offsetMinutes?: number
}

export interface PlaceholderInfo {
  name: string
  label: string
  /** what is shown when the value is missing */
  fallback: string
}

export const DEFAULT_COMPANY = '利海物业'
export const UNKNOWN_HONORIFIC = '先生/小姐'

export const KNOWN_PLACEHOLDERS: readonly PlaceholderInfo[] = [
  { name: 'greeting', label: '问候语(早上好/下午好/晚上好)', fallback: '您好' },
  { name: 'surname', label: '对方的姓', fallback: '' },
  { name: 'honorific', label: '称呼(先生/小姐)', fallback: UNKNOWN_HONORIFIC },
  { name: 'company', label: '物业公司名称', fallback: DEFAULT_COMPANY },
  { name: 'estate', label: '小区名称', fallback: '' },
  { name: 'gate', label: '岗位/门岗', fallback: '门岗' },
  { name: 'room', label: '房号', fallback: '' },
  { name: 'staffName', label: '员工姓名', fallback: '工作人员' },
  { name: 'host', label: '被访人/业主', fallback: '业主' },
  { name: 'place', label: '具体位置', fallback: '相关位置' },
  { name: 'facility', label: '具体设施', fallback: '设施' },
  { name: 'matter', label: '具体业务', fallback: '相关业务' },
  { name: 'event', label: '具体事件', fallback: '事件' },
  { name: 'dept', label: '相关部门或人员', fallback: '相关部门' },
  { name: 'time', label: '时间', fallback: '稍后' }
]

const KNOWN = new Map(KNOWN_PLACEHOLDERS.map((p) => [p.name, p]))

export function isKnownPlaceholder(name: string): boolean {
  return KNOWN.has(name)
}

const TOKEN = /\{([A-Za-z][A-Za-z0-9_]*)\}/g

/** Names of all `{name}` tokens in the text, known or not, each once, in order. */
export function placeholdersIn(text: string): string[] {
  const out: string[] = []
  const re = new RegExp(TOKEN.source, 'g')
  let m: RegExpExecArray | null
  while ((m = re.exec(text)) !== null) if (!out.includes(m[1])) out.push(m[1])
  return out
}

/** Placeholder names in the text that `fill` does not know. */
export function unknownPlaceholders(text: string): string[] {
  return placeholdersIn(text).filter((n) => !KNOWN.has(n))
}

/** True when a brace is left over that is not part of a `{name}` token, e.g. '{surname' or '{}'. */
export function hasMalformedBraces(text: string): boolean {
  return /[{}]/.test(text.replace(TOKEN, ''))
}

function toMs(t: Date | number): number {
  return typeof t === 'number' ? t : t.getTime()
}

/** Hour of day (0–23) at the given offset from UTC, whatever the machine's own zone. */
export function localHourAt(now: Date | number, offsetMinutes = CHINA_OFFSET_MINUTES): number {
  return new Date(toMs(now) + offsetMinutes * 60000).getUTCHours()
}

/** 05:00–11:59 早上好, 12:00–17:59 下午好, 18:00–04:59 晚上好 (local time, UTC+8 by default). */
export function greetingFor(now: Date | number, offsetMinutes = CHINA_OFFSET_MINUTES): Greeting {
  const h = localHourAt(now, offsetMinutes)
  if (h >= 5 && h < 12) return '早上好'
  if (h >= 12 && h < 18) return '下午好'
  return '晚上好'
}

/** 先生 / 小姐 as the seeds write it; unknown gender → '先生/小姐'. */
export function honorificFor(gender: Gender | undefined): string {
  if (gender === 'male') return '先生'
  if (gender === 'female') return '小姐'
  return UNKNOWN_HONORIFIC
}

function clean(v: string | undefined): string | undefined {
  const t = v?.trim()
  return t ? t : undefined
}

/** The value each placeholder takes in this context (fallbacks included). */
export function placeholderValues(ctx: FillContext = {}): Record<string, string> {
  const values: Record<string, string> = {}
  for (const p of KNOWN_PLACEHOLDERS) values[p.name] = p.fallback
  const set = (name: string, v: string | undefined) => {
    const c = clean(v)
    if (c !== undefined) values[name] = c
  }
  const now = ctx.now
  if (now !== undefined && !Number.isNaN(toMs(now))) values.greeting = greetingFor(now, ctx.offsetMinutes)
  set('surname', ctx.surname)
  values.honorific = honorificFor(ctx.gender)
  set('company', ctx.company)
  set('estate', ctx.estate)
  set('gate', ctx.gate)
  set('room', ctx.room)
  set('staffName', ctx.staffName)
  const hostSurname = clean(ctx.hostSurname)
  if (hostSurname) values.host = hostSurname + honorificFor(ctx.hostGender)
  set('host', ctx.host)
  set('place', ctx.place)
  set('facility', ctx.facility)
  set('matter', ctx.matter)
  set('event', ctx.event)
  set('dept', ctx.dept)
  set('time', ctx.time)
  return values
}

/**
 * Replace every `{name}` token. Missing values use the neutral fallback; unknown names are
 * dropped (the validator keeps them out of the library), so no `{…}` token survives.
 */
export function fill(text: string, ctx: FillContext = {}): string {
  const values = placeholderValues(ctx)
  return text.replace(TOKEN, (_m, name: string) => values[name] ?? '')
}

const HALF_TO_FULL: Record<string, string> = {
  ',': '，',
  '?': '？',
  '!': '！',
  ':': '：',
  ';': '；',
  '(': '（',
  ')': '）'
}

function isCjk(c: string | undefined): boolean {
  if (!c) return false
  const code = c.charCodeAt(0)
  return (
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xff00 && code <= 0xffef) ||
    '“”‘’…—'.includes(c)
  )
}

/**
 * For the screen: the seeds write ASCII `,?!:;()` inside Chinese text; turn those whose nearest
 * non-punctuation neighbour is a Chinese character into full-width ones. `10:30` and `(IC)`
 * stay as they are.
 */
export function toDisplayPunctuation(text: string): string {
  const chars = Array.from(text)
  const isPunct = (c: string | undefined) => c !== undefined && c in HALF_TO_FULL
  return chars
    .map((c, i) => {
      if (!isPunct(c)) return c
      let l = i - 1
      while (l >= 0 && isPunct(chars[l])) l--
      let r = i + 1
      while (r < chars.length && isPunct(chars[r])) r++
      return isCjk(chars[l]) || isCjk(chars[r]) ? HALF_TO_FULL[c] : c
    })
    .join('')
}
