import {
  PICTURE_H,
  PICTURE_W,
  clip,
  drawPicture,
  estimateWidth,
  textBox,
  wrap,
  type DrawCmd,
  type Measure,
  type PictureInput,
  type TextCmd
} from '../../../../../src/pages/report/model/picture'
import { paint, type Ctx2D } from '../../../../../src/pages/report/model/paint'

const day: PictureInput = {
  estate: '翠湖花园',
  day: '2026-11-30',
  weekday: '周一',
  tiles: [
    { label: '访客', value: '37', tone: 'plain' },
    { label: '车辆', value: '12', tone: 'plain' },
    { label: '巡更完成', value: '8/10', tone: 'warn' },
    { label: '新报事', value: '3', tone: 'plain' }
  ],
  alerts: ['漏巡 2', '超时任务 1'],
  hours: [0, 0, 0, 0, 0, 0, 1, 4, 9, 6, 3, 2, 5, 2, 1, 3, 4, 2, 6, 3, 1, 0, 0, 0],
  comment: '东门访客高峰在早八点，明天加一人；2栋漏巡已提醒李巡。',
  by: '周主管'
}

/** Everything as long and wide as it gets: a long name, six-digit numbers, many alerts, a 200-character comment. */
const worst: PictureInput = {
  estate: '深圳市南山区前海湾国际金融中心二期物业管理处翠湖花园北区',
  day: '2026-11-30',
  weekday: '周一',
  tiles: [
    { label: '访客（含施工与看楼人员）', value: '123456', tone: 'plain' },
    { label: '车辆', value: '99999', tone: 'plain' },
    { label: '巡更完成', value: '1234/5678', tone: 'bad' },
    { label: '新报事', value: '888888', tone: 'bad' }
  ],
  alerts: [
    '漏巡 120',
    '迟到 33',
    '超时任务 45',
    '黑名单 7',
    '未结报事 19',
    '交接差异 5',
    '未放行 3',
    '时间存疑 8'
  ],
  hours: Array.from({ length: 24 }, (_, h) => 1000 + h * 37),
  comment: '点'.repeat(200),
  by: '欧阳主管欧阳主管欧阳主管欧阳主管欧阳主管欧阳主管欧阳主管欧阳主管欧阳主管'
}

/** A measure wider than any real font: every character a full em. */
const wide: Measure = (t, size, bold) => [...t].length * size * (bold ? 1.1 : 1)

const texts = (cmds: DrawCmd[]) => cmds.filter((c): c is TextCmd => c.op === 'text')
const overlaps = (a: ReturnType<typeof textBox>, b: ReturnType<typeof textBox>) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

function checkLayout(input: PictureInput, measure: Measure) {
  const cmds = drawPicture(input, measure)
  const ts = texts(cmds)
  const boxes = ts.map((t) => ({ t, b: textBox(t, measure) }))
  for (const { t, b } of boxes) {
    // the whole text fits its own width (it was shrunk or cut, not squeezed by the canvas)
    expect(measure(t.text, t.size, t.bold)).toBeLessThanOrEqual(t.maxW + 0.001)
    expect(b.left).toBeGreaterThanOrEqual(0)
    expect(b.right).toBeLessThanOrEqual(PICTURE_W)
    expect(b.top).toBeGreaterThanOrEqual(0)
    expect(b.bottom).toBeLessThanOrEqual(PICTURE_H)
  }
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      if (overlaps(boxes[i].b, boxes[j].b))
        throw new Error(`"${boxes[i].t.text}" overlaps "${boxes[j].t.text}"`)
    }
  // every shape inside the picture
  for (const c of cmds) {
    if (c.op !== 'rect') continue
    expect(c.x).toBeGreaterThanOrEqual(0)
    expect(c.y).toBeGreaterThanOrEqual(0)
    expect(c.x + c.w).toBeLessThanOrEqual(PICTURE_W)
    expect(c.y + c.h).toBeLessThanOrEqual(PICTURE_H)
  }
  return { cmds, ts }
}

describe('the report picture', () => {
  it('says the estate, the day, the four numbers, what needs attention, the peak and the comment', () => {
    const { ts } = checkLayout(day, estimateWidth)
    const all = ts.map((t) => t.text)
    expect(all).toEqual(
      expect.arrayContaining([
        '翠湖花园',
        '2026-11-30 周一 日报',
        '37',
        '访客',
        '12',
        '车辆',
        '8/10',
        '巡更完成',
        '3',
        '新报事',
        '需关注：漏巡 2 · 超时任务 1',
        '高峰 8时 9',
        '岗位通 · 周主管 发布'
      ])
    )
    expect(all.join('')).toContain('点评：东门访客高峰在早八点，明天加一人；2栋漏巡已提醒李巡。')
    // the warning is red, the late patrol figure amber
    expect(ts.find((t) => t.text.startsWith('需关注'))?.color).toBe('#c62828')
    expect(ts.find((t) => t.text === '8/10')?.color).toBe('#a85500')
  })

  it('is legible as a chat thumbnail: headline numbers at 80 px and more, no text under 24 px', () => {
    const { ts } = checkLayout(day, estimateWidth)
    const values = ts.filter((t) => ['37', '12', '8/10', '3'].includes(t.text))
    expect(values).toHaveLength(4)
    // a chat shows the picture about 200 px wide: a headline number is then still 21 px or more
    for (const v of values) expect((v.size * 200) / PICTURE_W).toBeGreaterThanOrEqual(21)
    for (const t of ts) expect(t.size).toBeGreaterThanOrEqual(24)
  })

  it('the hour bars: one per hour with visitors, the tallest at the peak, all on the axis', () => {
    const cmds = drawPicture(day)
    const bars = cmds.filter((c) => c.op === 'rect' && c.fill === '#2f6db5') as Extract<
      DrawCmd,
      { op: 'rect' }
    >[]
    expect(bars).toHaveLength(day.hours.filter((n) => n > 0).length)
    const tallest = bars.reduce((a, b) => (b.h > a.h ? b : a))
    expect(tallest.h).toBe(130)
    const bottoms = new Set(bars.map((b) => b.y + b.h))
    expect(bottoms.size).toBe(1)
    // bars do not touch each other
    const xs = bars.map((b) => [b.x, b.x + b.w]).sort((a, b) => a[0] - b[0])
    for (let i = 1; i < xs.length; i++) expect(xs[i][0]).toBeGreaterThan(xs[i - 1][1])
  })

  it('the longest name, six-digit numbers, eight alerts and a 200-character comment still fit, with either measure', () => {
    for (const m of [estimateWidth, wide]) {
      const { ts } = checkLayout(worst, m)
      const alertLines = ts.filter((t) => t.color === '#c62828' && t.size === 36)
      expect(alertLines.length).toBe(2)
      expect(alertLines[1].text.endsWith('…')).toBe(true)
      const comment = ts.filter((t) => t.size === 32)
      expect(comment).toHaveLength(2)
      expect(comment[1].text.endsWith('…')).toBe(true)
      // a number is shrunk, never cut, when it can fit at the smallest size
      expect(ts.some((t) => t.text === '123456')).toBe(true)
    }
  })

  it('a quiet day: 今日无异常 in green, no bars, no peak, no comment box', () => {
    const quiet = { ...day, alerts: [], hours: Array(24).fill(0) as number[], comment: '  ' }
    const { cmds, ts } = checkLayout(quiet, estimateWidth)
    expect(ts.find((t) => t.text === '今日无异常')?.color).toBe('#1a7f37')
    expect(ts.some((t) => t.text.startsWith('高峰'))).toBe(false)
    expect(ts.some((t) => t.text.startsWith('点评'))).toBe(false)
    expect(cmds.filter((c) => c.op === 'rect' && c.fill === '#2f6db5')).toHaveLength(0)
  })
})

describe('text helpers', () => {
  it('clip cuts with … to the width, and leaves short text alone', () => {
    expect(clip('翠湖花园', 10, 40, wide)).toBe('翠湖花园')
    expect(clip('翠湖花园北区', 10, 40, wide)).toBe('翠湖花…')
  })
  it('wrap breaks by characters into the lines allowed, the last one cut', () => {
    expect(wrap('一二三四五六七', 10, 30, 3, wide)).toEqual(['一二三', '四五六', '七'])
    expect(wrap('一二三四五六七', 10, 30, 2, wide)).toEqual(['一二三', '四五…'])
  })
})

describe('paint', () => {
  it('draws every command on the context, text at its fitted width over a white page', () => {
    const calls: string[] = []
    const ctx: Ctx2D = {
      fillStyle: '',
      strokeStyle: '',
      lineWidth: 1,
      font: '',
      textAlign: '',
      textBaseline: '',
      fillRect: (x, y, w, h) => calls.push(`fillRect ${x},${y},${w},${h}`),
      fillText: (t, x, y, m) => calls.push(`fillText ${t} ${ctx.font} ${m} at ${x},${y}`),
      measureText: (t) => ({ width: t.length }),
      beginPath: () => calls.push('beginPath'),
      moveTo: () => undefined,
      lineTo: () => undefined,
      arcTo: () => calls.push('arcTo'),
      closePath: () => undefined,
      fill: () => calls.push('fill'),
      stroke: () => calls.push('stroke')
    }
    const cmds = drawPicture(day)
    paint(ctx, cmds)
    expect(calls[0]).toBe(`fillRect 0,0,${PICTURE_W},${PICTURE_H}`)
    expect(calls.filter((c) => c.startsWith('fillText'))).toHaveLength(texts(cmds).length)
    expect(calls).toContain(
      `fillText 翠湖花园 bold 60px "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif 670 at 40,40`
    )
    // rounded tiles: four corners each
    expect(calls.filter((c) => c === 'arcTo')).toHaveLength(
      4 * cmds.filter((c) => c.op === 'rect' && c.r).length
    )
    expect(calls.filter((c) => c === 'stroke')).toHaveLength(1)
  })
})
