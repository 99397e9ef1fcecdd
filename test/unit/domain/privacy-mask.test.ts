import { isIdNumber18, maskFreeText, maskName, maskPlate } from '../../../src/domain/privacy'
import { text } from '../../../src/domain/contract/define'
import * as v from 'valibot'

describe('masking free text', () => {
  it('checks the 18-character ID checksum', () => {
    expect(isIdNumber18('11010519491231002X')).toBe(true)
    expect(isIdNumber18('11010519491231002x')).toBe(true)
    expect(isIdNumber18('110105194912310021')).toBe(false)
    expect(isIdNumber18('1101051949123100')).toBe(false)
  })

  it.each([
    ['电话13912345678', '电话139****5678'],
    ['13912345678', '139****5678'],
    ['+8613912345678', '+86139****5678'],
    ['+86 13912345678 找他', '+86 139****5678 找他'],
    ['证件11010519491231002X。', '证件110***********002X。'],
    ['旧证110105491231002', '旧证110********1002'],
    ['a 11010519491231002X and 13800001111', 'a 110***********002X and 138****1111']
  ])('masks %s', (input, want) => {
    expect(maskFreeText(input)).toBe(want)
    expect(maskFreeText(input)).toHaveLength(input.length)
  })

  it.each([
    '快递单号SF1234567890123',
    '110105194912310021',
    '12345678901',
    '房号 1-1-101',
    '订单 213912345678901',
    'ABC13912345678',
    '02012345678'
  ])('leaves %s', (input) => {
    expect(maskFreeText(input)).toBe(input)
  })

  it('every text field of the contract masks on the way in', () => {
    expect(v.parse(text(100), ` 业主13912345678 `)).toBe('业主139****5678')
  })

  it('names and plates for a guard', () => {
    expect(maskName('赵小六')).toBe('赵*六')
    expect(maskName('刘某')).toBe('刘*')
    expect(maskName('欧阳娜娜')).toBe('欧**娜')
    expect(maskPlate('粤B12345')).toBe('粤B***45')
    expect(maskPlate('粤BD12345')).toBe('粤B****45')
    expect(maskPlate(undefined)).toBeUndefined()
  })
})
