/**
 * The share picture on WeChat (services/picture.ts with the report's painter): the page's Canvas
 * 2D node is sized to the picture, painted with the report's draw commands, saved at its own size
 * and offered in the share-image menu without the mini-program entrance.
 */
import { fixtureReport } from './model/fixture'

const calls: { api: string; arg: unknown }[] = []
const texts: string[] = []
const ctx = {
  fillStyle: '',
  strokeStyle: '',
  lineWidth: 1,
  font: '',
  textAlign: '',
  textBaseline: '',
  fillRect: () => undefined,
  fillText: (t: string) => void texts.push(t),
  // a font narrower than the estimate: the layout keeps the wider (the estimate)
  measureText: (t: string) => ({ width: t.length * 10 }),
  beginPath: () => undefined,
  moveTo: () => undefined,
  lineTo: () => undefined,
  arcTo: () => undefined,
  closePath: () => undefined,
  fill: () => undefined,
  stroke: () => undefined
}
const node = { width: 300, height: 150, getContext: (t: string) => (t === '2d' ? ctx : null) }
let selected = ''
let found: unknown = node
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    createSelectorQuery: () => {
      const q = {
        select: (s: string) => ((selected = s), q),
        fields: (f: unknown) => (calls.push({ api: 'fields', arg: f }), q),
        exec: (cb: (r: unknown[]) => void) => cb([{ node: found }])
      }
      return q
    },
    canvasToTempFilePath: async (o: unknown) => (
      calls.push({ api: 'canvasToTempFilePath', arg: o }),
      { tempFilePath: 'wxfile://tmp/report.png' }
    ),
    showShareImageMenu: async (o: unknown) => (calls.push({ api: 'showShareImageMenu', arg: o }), {})
  }
}))
jest.mock('../../../../src/services/env', () => ({ isWeapp: true }))
jest.mock('../../../../src/stores/api', () => ({ loadActions: () => undefined, messageOf: String }))
import { renderPicture, sharePicture } from '../../../../src/services/picture'
import { PICTURE_H, PICTURE_W } from '../../../../src/pages/report/model/picture'
import { ReportStore } from '../../../../src/pages/report/model/report'

function store() {
  const s = new ReportStore({
    api: () => {
      throw new Error('no server in this test')
    },
    outbox: { mine: [] } as never,
    storage: { get: () => undefined, set: () => undefined, remove: () => undefined },
    estateId: () => 'demo-estate',
    staffName: () => '周主管',
    now: () => Date.parse('2026-12-01T09:00:00+08:00')
  })
  s.report = fixtureReport({ comment: { text: '加强夜巡', by: 's', byName: '周主管', at: 0 } })
  s.date = '2026-11-30'
  return s
}

beforeEach(() => {
  calls.length = 0
  texts.length = 0
  found = node
})

it('paints the report on the page’s canvas at 750 × 1334, saves it at that size and opens the share menu', async () => {
  const s = store()
  const path = await renderPicture('report-picture', PICTURE_W, PICTURE_H, (c) => s.paintOn(c))
  expect(selected).toBe('#report-picture')
  expect(calls[0]).toEqual({ api: 'fields', arg: { node: true, size: true } })
  expect([node.width, node.height]).toEqual([750, 1334])
  expect(texts).toEqual(expect.arrayContaining(['翠湖花园', '2026-11-30 周一 日报', '5/8', '点评：加强夜巡']))
  expect(calls[1]).toEqual({
    api: 'canvasToTempFilePath',
    arg: {
      canvas: node,
      x: 0,
      y: 0,
      width: 750,
      height: 1334,
      destWidth: 750,
      destHeight: 1334,
      fileType: 'png'
    }
  })
  expect(path).toBe('wxfile://tmp/report.png')
  await sharePicture(path, s.pictureName)
  expect(calls[2]).toEqual({
    api: 'showShareImageMenu',
    arg: { path: 'wxfile://tmp/report.png', needShowEntrance: false }
  })
  expect(s.pictureName).toBe('日报-翠湖花园-2026-11-30.png')
})

it('a canvas not on the page yet: refused in Chinese, nothing saved or shared', async () => {
  found = undefined
  await expect(renderPicture('report-picture', PICTURE_W, PICTURE_H, () => undefined)).rejects.toThrow(
    '画布还没有准备好，请稍后再试'
  )
  expect(calls.map((c) => c.api)).toEqual(['fields'])
})
