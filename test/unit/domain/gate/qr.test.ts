import { parseQr, qrText } from '../../../../src/domain/gate/qr'
import { passCode } from '../../../../src/domain/gate/machines'

describe('QR text on passes', () => {
  it('is a short tag and the six-digit code', () => {
    expect(qrText('visitorPass', '123456')).toBe('GWT-P:123456')
    expect(qrText('goodsSlip', '654321')).toBe('GWT-G:654321')
  })

  it('round-trips for both kinds and any code the desk can make', () => {
    for (let i = 0; i < 50; i++) {
      const code = passCode(Math.random)
      expect(parseQr(qrText('visitorPass', code), 'visitorPass')).toEqual({ code })
      expect(parseQr(qrText('goodsSlip', code), 'goodsSlip')).toEqual({ code })
    }
  })

  it('a bare six-digit code (typed, or an old slip) is taken as it is, spaces trimmed', () => {
    expect(parseQr('123456', 'visitorPass')).toEqual({ code: '123456' })
    expect(parseQr(' 654321 \n', 'goodsSlip')).toEqual({ code: '654321' })
  })

  it('the other kind of pass is refused with what it is', () => {
    expect(parseQr('GWT-G:123456', 'visitorPass')).toEqual({ problem: '这是物品放行条的码，不是访客通行证' })
    expect(parseQr('GWT-P:123456', 'goodsSlip')).toEqual({ problem: '这是访客通行证的码，不是物品放行条' })
  })

  it('anything else is not ours', () => {
    const msg = '这不是本系统的通行码'
    for (const t of [
      '',
      'https://example.com',
      '12345',
      '1234567',
      'GWT-P:12345',
      'GWT-P:1234567',
      'gwt-p:123456',
      'GWT-X:123456',
      'GWT-P 123456',
      'GWT-P:12345a'
    ])
      expect([t, parseQr(t, 'visitorPass')]).toEqual([t, { problem: msg }])
  })
})
