/**
 * The daily report as one picture for a WeChat chat: the day on one phone screen (750 × 1334),
 * legible when the chat shows it small (a thumbnail about 200 px wide: the headline numbers are
 * drawn at 80 px and more, nothing below 24 px). Pure: a list of draw commands, which a tiny
 * adapter (./paint.ts) executes on the weapp Canvas 2D or an HTML canvas. Text is measured with
 * the function passed in (the canvas's own measureText on the phone, an estimate in tests) and
 * shrunk or cut to its box, so nothing runs over or into anything else.
 */

export const PICTURE_W = 750
export const PICTURE_H = 1334

/** What the picture shows: the report boiled down (see pictureOf in ./pictureOf.ts). */
export interface PictureInput {
  estate: string
  /** YYYY-MM-DD */
  day: string
  /** 周一 … 周日 */
  weekday: string
  /** the four headline numbers, in reading order */
  tiles: PictureTile[]
  /** short warnings (漏巡 2), worst first; none: 今日无异常 */
  alerts: string[]
  /** visitors and cars by hour, 24 counts */
  hours: number[]
  /** the supervisor's comment */
  comment?: string
  /** who commented */
  by?: string
}

export type Tone = 'ok' | 'warn' | 'bad' | 'plain'
export interface PictureTile {
  label: string
  value: string
  tone: Tone
}

export type DrawCmd =
  | { op: 'rect'; x: number; y: number; w: number; h: number; fill: string; r?: number }
  | {
      op: 'text'
      /** the anchor: left edge, centre or right edge by `align`; `y` is the top of the line */
      x: number
      y: number
      text: string
      size: number
      bold?: boolean
      color: string
      align: 'left' | 'center' | 'right'
      /** the width the text was fitted to (the adapter passes it to fillText too) */
      maxW: number
    }
  | { op: 'line'; x1: number; y1: number; x2: number; y2: number; color: string; width: number }

export type TextCmd = Extract<DrawCmd, { op: 'text' }>

/** The width of `text` at `size` px (bold or not), in px. */
export type Measure = (text: string, size: number, bold?: boolean) => number

/**
 * A generous estimate of a text's width in a CJK sans font: ideographs and full-width
 * punctuation one em, digits and Latin letters just over half, narrow punctuation less.
 * Wider than the real fonts measure, so what fits here fits on the phone.
 */
export const estimateWidth: Measure = (text, size, bold) => {
  let em = 0
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0
    if (c >= 0x2e80 || (c >= 0x2000 && c <= 0x206f && ch === '…')) em += 1
    else if (/[0-9]/.test(ch)) em += 0.6
    else if (/[A-Z]/.test(ch)) em += 0.72
    else if (/[a-z]/.test(ch)) em += 0.6
    else if (ch === ' ') em += 0.33
    else em += 0.45
  }
  return em * size * (bold ? 1.06 : 1)
}

/** The height a line of text takes at `size` (the adapters draw with textBaseline 'top'). */
export const lineHeight = (size: number) => Math.ceil(size * 1.3)

export const COLORS = {
  brand: '#0b3d6e',
  brandSoft: '#cfe0f2',
  ink: '#1f2937',
  muted: '#5b6472',
  tile: '#f2f4f7',
  bar: '#2f6db5',
  grid: '#d8dde5',
  note: '#fff4dc',
  ok: '#1a7f37',
  warn: '#a85500',
  bad: '#c62828',
  white: '#ffffff'
} as const

const TONE: Record<Tone, string> = { ok: COLORS.ok, warn: COLORS.warn, bad: COLORS.bad, plain: COLORS.ink }

/** The text cut to `maxW` with an ellipsis (nothing cut: as it is). */
export function clip(text: string, size: number, maxW: number, measure: Measure, bold?: boolean): string {
  if (measure(text, size, bold) <= maxW) return text
  const chars = [...text]
  while (chars.length && measure(`${chars.join('')}…`, size, bold) > maxW) chars.pop()
  return chars.length ? `${chars.join('')}…` : ''
}

/** The largest size from `size` down to `min` at which the text fits `maxW` (then cut at `min`). */
export function fitSize(
  text: string,
  size: number,
  min: number,
  maxW: number,
  measure: Measure,
  bold?: boolean
) {
  let s = size
  while (s > min && measure(text, s, bold) > maxW) s -= 2
  return { size: s, text: clip(text, s, maxW, measure, bold) }
}

/** Wraps text (character by character, as Chinese reads) into at most `lines` lines; the last one cut with …. */
export function wrap(
  text: string,
  size: number,
  maxW: number,
  lines: number,
  measure: Measure,
  bold?: boolean
): string[] {
  const out: string[] = []
  let cur = ''
  const chars = [...text.replace(/\s+/g, ' ').trim()]
  for (let i = 0; i < chars.length; i++) {
    const next = cur + chars[i]
    if (measure(next, size, bold) <= maxW) {
      cur = next
      continue
    }
    if (out.length === lines - 1) {
      out.push(clip(chars.slice(i - [...cur].length).join(''), size, maxW, measure, bold))
      return out
    }
    out.push(cur)
    cur = chars[i] === ' ' ? '' : chars[i]
  }
  if (cur) out.push(cur)
  return out
}

const PAD = 40
const INNER = PICTURE_W - 2 * PAD

/** The picture of a day as draw commands, top to bottom. */
export function drawPicture(p: PictureInput, measure: Measure = estimateWidth): DrawCmd[] {
  const cmds: DrawCmd[] = []
  const text = (t: Omit<TextCmd, 'op'>) => {
    if (t.text) cmds.push({ op: 'text', ...t })
  }

  // ---- header: the estate and the day, white on the brand colour ----
  cmds.push({ op: 'rect', x: 0, y: 0, w: PICTURE_W, h: 210, fill: COLORS.brand })
  const name = fitSize(p.estate, 60, 40, INNER, measure, true)
  text({
    x: PAD,
    y: 40,
    text: name.text,
    size: name.size,
    bold: true,
    color: COLORS.white,
    align: 'left',
    maxW: INNER
  })
  const dayLine = clip(`${p.day} ${p.weekday} 日报`, 36, INNER, measure)
  text({ x: PAD, y: 130, text: dayLine, size: 36, color: COLORS.brandSoft, align: 'left', maxW: INNER })

  // ---- four headline numbers, 2 × 2 ----
  const tileW = (INNER - 20) / 2
  const tileH = 220
  p.tiles.slice(0, 4).forEach((t, i) => {
    const x = PAD + (i % 2) * (tileW + 20)
    const y = 250 + Math.floor(i / 2) * (tileH + 20)
    cmds.push({ op: 'rect', x, y, w: tileW, h: tileH, fill: COLORS.tile, r: 20 })
    const w = tileW - 40
    const v = fitSize(t.value, 96, 40, w, measure, true)
    text({
      x: x + tileW / 2,
      y: y + 28,
      text: v.text,
      size: v.size,
      bold: true,
      color: TONE[t.tone],
      align: 'center',
      maxW: w
    })
    const label = clip(t.label, 34, w, measure)
    text({
      x: x + tileW / 2,
      y: y + 156,
      text: label,
      size: 34,
      color: COLORS.muted,
      align: 'center',
      maxW: w
    })
  })

  // ---- what needs attention: up to two lines of warnings, or 今日无异常 ----
  let y = 750
  if (p.alerts.length) {
    const lines = wrap(`需关注：${p.alerts.join(' · ')}`, 36, INNER, 2, measure, true)
    for (const l of lines) {
      text({ x: PAD, y, text: l, size: 36, bold: true, color: COLORS.bad, align: 'left', maxW: INNER })
      y += lineHeight(36) + 4
    }
  } else
    text({
      x: PAD,
      y,
      text: '今日无异常',
      size: 36,
      bold: true,
      color: COLORS.ok,
      align: 'left',
      maxW: INNER
    })

  // ---- visitors and cars by hour: 24 bars over 0-23 时, the peak named ----
  const chartTop = 880
  const hours = Array.from({ length: 24 }, (_, h) => Math.max(0, p.hours[h] ?? 0))
  const max = Math.max(...hours)
  text({
    x: PAD,
    y: chartTop,
    text: clip('访客和车辆（按小时）', 28, INNER / 2, measure),
    size: 28,
    color: COLORS.muted,
    align: 'left',
    maxW: INNER / 2
  })
  if (max > 0) {
    const peak = hours.indexOf(max)
    text({
      x: PICTURE_W - PAD,
      y: chartTop,
      text: clip(`高峰 ${peak}时 ${max}`, 28, INNER / 2 - 10, measure, true),
      size: 28,
      bold: true,
      color: COLORS.ink,
      align: 'right',
      maxW: INNER / 2 - 10
    })
  }
  const barsTop = chartTop + 50
  const barsH = 130
  const slot = INNER / 24
  cmds.push({
    op: 'line',
    x1: PAD,
    y1: barsTop + barsH,
    x2: PICTURE_W - PAD,
    y2: barsTop + barsH,
    color: COLORS.grid,
    width: 2
  })
  hours.forEach((n, h) => {
    if (!n) return
    const bh = Math.max(4, Math.round((n / max) * barsH))
    cmds.push({
      op: 'rect',
      x: PAD + h * slot + 3,
      y: barsTop + barsH - bh,
      w: slot - 6,
      h: bh,
      fill: COLORS.bar
    })
  })
  for (const h of [0, 6, 12, 18]) {
    text({
      x: PAD + h * slot,
      y: barsTop + barsH + 8,
      text: `${h}时`,
      size: 24,
      color: COLORS.muted,
      align: 'left',
      maxW: slot * 5
    })
  }

  // ---- the supervisor's comment, up to two lines ----
  const comment = p.comment?.trim()
  if (comment) {
    const top = 1120
    cmds.push({ op: 'rect', x: PAD, y: top, w: INNER, h: 130, fill: COLORS.note, r: 16 })
    const lines = wrap(`点评：${comment}`, 32, INNER - 40, 2, measure)
    lines.forEach((l, i) =>
      text({
        x: PAD + 20,
        y: top + 20 + i * (lineHeight(32) + 4),
        text: l,
        size: 32,
        color: COLORS.ink,
        align: 'left',
        maxW: INNER - 40
      })
    )
  }

  // ---- footer ----
  const foot = clip(`岗位通 · ${p.by ? `${p.by} 发布` : '物业日报'}`, 24, INNER, measure)
  text({ x: PAD, y: PICTURE_H - 56, text: foot, size: 24, color: COLORS.muted, align: 'left', maxW: INNER })
  return cmds
}

/** The box a text command takes (for tests and the adapter's checks). */
export function textBox(c: TextCmd, measure: Measure = estimateWidth) {
  const w = Math.min(measure(c.text, c.size, c.bold), c.maxW)
  const left = c.align === 'left' ? c.x : c.align === 'center' ? c.x - w / 2 : c.x - w
  return { left, top: c.y, right: left + w, bottom: c.y + lineHeight(c.size), width: w }
}
