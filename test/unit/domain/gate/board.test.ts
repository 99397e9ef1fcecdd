import { handoverText, stayText } from '../../../../src/domain/gate/board'

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
