import { handoverText, overstayLines, stayText } from '../../../../src/domain/gate/board'

const at = (hm: string) => Date.parse(`2026-11-23T${hm}:00+08:00`)

describe('stayText', () => {
  it('minutes under an hour, then hours and minutes', () => {
    expect(stayText(at('09:00'), at('09:25'))).toBe('25分钟')
    expect(stayText(at('09:00'), at('11:00'))).toBe('2小时')
    expect(stayText(at('09:00'), at('10:05'))).toBe('1小时5分')
  })
  it('never negative (a phone clock behind); nothing without an entry time', () => {
    expect(stayText(at('09:10'), at('09:00'))).toBe('0分钟')
    expect(stayText(undefined, at('09:00'))).toBe('')
  })
})

describe('handoverText', () => {
  it('a visitor or car in since yesterday says so (the morning guard read 21:40 as this morning)', () => {
    const text = handoverText(
      [
        {
          name: '李四',
          room: '2-1-302',
          case: 'ownerGuest',
          inAt: at('21:40'),
          idDeposited: false,
          idDesc: ''
        }
      ],
      [{ plate: '粤B12345', inAt: at('22:05') }],
      '东门',
      at('21:40') + 9 * 3600_000
    )
    expect(text).toContain('- 李四（2-1-302）昨天 21:40进入')
    expect(text).toContain('昨天 22:05入场')
  })
  it('lists who is inside with what they left, and the vehicles with their cards', () => {
    const text = handoverText(
      [
        {
          name: '王小明',
          room: '1-1-101',
          case: 'ownerGuest',
          inAt: at('08:30'),
          idDeposited: true,
          idDesc: '身份证…1234',
          cardNo: 'F07'
        },
        {
          name: '李工',
          company: '水电维修',
          case: 'viewing',
          inAt: at('09:05'),
          idDeposited: false,
          idDesc: ''
        },
        { name: '快递员', case: 'canvassing', inAt: at('09:40'), idDeposited: false, idDesc: '' }
      ],
      [{ plate: '粤B12345', inAt: at('08:50'), icCardNo: 'P3' }, { plate: '粤AD12345' }],
      '东门',
      at('10:00')
    )
    expect(text.split('\n')).toEqual([
      '东门交班清单 10:00',
      '园内访客 3 位：',
      '- 王小明（1-1-101）08:30进入，押身份证…1234，来访卡F07',
      '- 李工（水电维修）09:05进入',
      expect.stringMatching(/^- 快递员（.+）09:40进入$/),
      '园内外来车辆 2 辆：',
      '- 粤B·12345 08:50入场，IC卡P3',
      expect.stringMatching(/^- 粤A·D12345 入场$/)
    ])
  })
})

describe('overstayLines', () => {
  it('titles the card with the count and the limit, and names gate, recorder and phone per visitor', () => {
    const t = Date.parse('2026-05-01T09:05:00+08:00')
    const card = overstayLines(
      [
        { name: '王五', room: '3栋-2-101', inAt: t, gate: '南门', byName: '张保安', phone: '138****0000' },
        { name: '赵六', company: '顺丰', inAt: t, gate: '北门', byName: '李保安', phone: '' }
      ],
      4,
      t + 5 * 3600_000
    )
    expect(card.title).toBe('2 位访客超过4小时未离开')
    expect(card.rows[0]).toEqual({
      title: '王五 · 3栋-2-101',
      detail: '09:05 从南门进入 · 登记人 张保安 · 138****0000'
    })
    expect(card.rows[1].title).toBe('赵六 · 顺丰')
    expect(card.rows[1].detail).toBe('09:05 从北门进入 · 登记人 李保安')
  })
  it('says the day of a visitor let in before today (a supervisor read "09:00" as this morning)', () => {
    const t = Date.parse('2026-05-01T09:00:00+08:00')
    const v = { name: '李四', room: '1-1-101', gate: '东门', byName: '王强', phone: '' }
    const next = Date.parse('2026-05-02T11:00:00+08:00')
    expect(overstayLines([{ ...v, inAt: t }], 4, next).rows[0].detail).toBe(
      '昨天 09:00 从东门进入 · 登记人 王强'
    )
    const later = Date.parse('2026-05-04T11:00:00+08:00')
    expect(overstayLines([{ ...v, inAt: t }], 4, later).rows[0].detail).toBe(
      '5月1日 09:00 从东门进入 · 登记人 王强'
    )
  })
})
