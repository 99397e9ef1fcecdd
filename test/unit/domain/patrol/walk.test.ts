/** Walking a round on the phone: which point was scanned, how far the round has got, the card's lines. */
import { checkpointQr } from '../../../../src/domain/patrol/rules'
import {
  pointFor,
  pointMark,
  roundCardLines,
  typedCode,
  unknownPointMessage,
  walkProgress
} from '../../../../src/domain/patrol/walk'

const points = [
  { id: 'cp1', code: 'A1B2', nfcTagId: '04:AA:BB' },
  { id: 'cp2', code: 'C3D4' }
]

describe('pointFor', () => {
  it('a QR names its point by id (the signature is the server’s to check)', () => {
    expect(pointFor(points, 'qr', checkpointQr('cp2', 'sig0123456789abcdef'))).toEqual({
      ok: true,
      point: points[1]
    })
    expect(pointFor(points, 'qr', checkpointQr('cp9', 'sig0123456789abcdef'))).toEqual({
      ok: false,
      message: '这不是本小区的巡更点二维码'
    })
    expect(pointFor(points, 'qr', 'https://example.com')).toMatchObject({ ok: false })
  })
  it('a typed code in any case and with spaces; an unknown one is named back as printed', () => {
    expect(pointFor(points, 'typed', ' a1b2 ')).toEqual({ ok: true, point: points[0] })
    expect(pointFor(points, 'typed', 'zz99')).toEqual({
      ok: false,
      message: '没有编号为 ZZ99 的巡更点，请核对巡更点牌子上的编号'
    })
    expect(typedCode(' c3d4\n')).toBe('C3D4')
  })
  it('an NFC tag by its id; a tag nobody registered is said so', () => {
    expect(pointFor(points, 'nfc', '04:AA:BB')).toEqual({ ok: true, point: points[0] })
    expect(pointFor(points, 'nfc', '04:CC')).toEqual({
      ok: false,
      message: unknownPointMessage('nfc', '04:CC')
    })
    expect(unknownPointMessage('nfc', 'x')).toBe('这个 NFC 标签没有登记为巡更点')
  })
})

describe('walkProgress and marks', () => {
  it('counts only the route’s points, the next is the first not scanned', () => {
    expect(walkProgress(['a', 'b', 'c'], ['b', 'x'])).toEqual({
      done: 1,
      total: 3,
      percent: 33,
      left: 2,
      next: 'a'
    })
    expect(walkProgress(['a', 'b'], ['a', 'b'])).toEqual({
      done: 2,
      total: 2,
      percent: 100,
      left: 0,
      next: undefined
    })
    expect(walkProgress([], [])).toEqual({ done: 0, total: 0, percent: 0, left: 0, next: undefined })
  })
  it('✓ when scanned, the number on an ordered route, else a dot', () => {
    expect(pointMark(true, true, 0)).toBe('✓')
    expect(pointMark(false, true, 2)).toBe('3')
    expect(pointMark(false, false, 2)).toBe('·')
  })
})

describe('roundCardLines', () => {
  it('the plan and its window in China time; the route, the state and who walks it', () => {
    const card = {
      planName: '全天巡逻',
      routeName: '主路线',
      slotStart: Date.parse('2026-11-30T08:00:00+08:00'),
      slotEnd: Date.parse('2026-11-30T09:00:00+08:00')
    }
    expect(roundCardLines(card, 'due')).toEqual({ title: '全天巡逻 · 08:00–09:00', detail: '主路线 · 待巡' })
    expect(roundCardLines({ ...card, round: { staffName: '李巡' } }, 'inProgress').detail).toBe(
      '主路线 · 巡逻中 · 李巡'
    )
  })
})
