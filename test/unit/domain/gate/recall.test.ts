import {
  recalledName,
  recallLine,
  recallOut,
  recallSince,
  RECALL_WINDOW_MS
} from '../../../../src/domain/gate/recall'
import { DAY_MS } from '../../../../src/domain/time'

describe('returning visitor (domain/gate/recall)', () => {
  it('shows the name masked and the last destination, never the phone', () => {
    const out = recallOut({
      _id: 'v1',
      name: '欧阳明远',
      case: 'business',
      company: '顺丰',
      contact: '',
      inAt: 5
    })
    expect(out).toEqual({ id: 'v1', name: '欧**远', case: 'business', company: '顺丰', lastAt: 5 })
  })

  it('keeps the earlier name when the masked one is kept or left empty, the typed one otherwise', () => {
    const earlier = { name: '欧阳明远', phone: '13912345678' }
    expect(recalledName('欧**远', '13912345678', earlier)).toBe('欧阳明远')
    expect(recalledName(' ', '13912345678', earlier)).toBe('欧阳明远')
    expect(recalledName('欧阳明', '13912345678', earlier)).toBe('欧阳明')
    // not the same phone, or no earlier visit: nothing is taken from it
    expect(recalledName('欧**远', '13700000000', earlier)).toBe('欧**远')
    expect(recalledName('欧**远', undefined, earlier)).toBe('欧**远')
    expect(recalledName('王五', '13912345678', undefined)).toBe('王五')
  })

  it('recalls visits of the last 180 days', () => {
    expect(RECALL_WINDOW_MS).toBe(180 * DAY_MS)
    expect(recallSince(1000 * DAY_MS)).toBe(820 * DAY_MS)
  })

  it('reads as one line: masked name, the day in China time, the room or company', () => {
    // 2026-03-05 01:00 China time is 2026-03-04 17:00 UTC
    const at = Date.UTC(2026, 2, 4, 17, 0)
    expect(recallLine({ id: 'v', name: '王*', case: 'ownerGuest', room: '2-1-302', lastAt: at })).toBe(
      '老访客 王* · 上次 3月5日 到访 2-1-302'
    )
    expect(recallLine({ id: 'v', name: '王*', case: 'business', company: '顺丰', lastAt: at })).toBe(
      '老访客 王* · 上次 3月5日 来访 顺丰'
    )
  })
})
