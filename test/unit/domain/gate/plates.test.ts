import * as v from 'valibot'
import {
  PROVINCES,
  formatPlate,
  normalizePlate,
  plateKind,
  plateProblem
} from '../../../../src/domain/gate/plates'
import { plate } from '../../../../src/domain/contract/gate'

describe('plates: what is accepted', () => {
  it('ordinary 7-character plates, letters and digits mixed after the issuing letter', () => {
    for (const p of ['粤B12345', '粤BA1234', '京AZZ999', '沪C9X8Y7', '粤BD1234', '粤BF1234']) {
      expect([p, plateKind(p)]).toEqual([p, 'ordinary'])
      expect(plateProblem(p)).toBeUndefined()
    }
  })

  it('new-energy small cars: 8 characters, D or F third, then one letter or digit and four digits', () => {
    for (const p of ['粤BD12345', '粤BF12345', '粤BDA1234', '粤BFZ9999', '京AD00001']) {
      expect([p, plateKind(p)]).toEqual([p, 'newEnergy'])
      expect(plateProblem(p)).toBeUndefined()
    }
    // the last four of a small new-energy plate are digits only
    expect(plateKind('粤BF1A234')).toBeUndefined()
    expect(plateProblem('粤BF1A234')).toBe('新能源车牌格式不正确（如 粤BD12345）')
  })

  it('new-energy large vehicles: five digits, then D or F last', () => {
    for (const p of ['粤B12345D', '粤B12345F', '沪A00000D']) {
      expect([p, plateKind(p)]).toEqual([p, 'newEnergy'])
      expect(plateProblem(p)).toBeUndefined()
    }
    expect(plateKind('粤B1234AD')).toBeUndefined()
    expect(plateKind('粤B12345A')).toBeUndefined()
  })

  it('trailer, driving-school and police suffixes on 7-character plates', () => {
    for (const p of ['粤B1234挂', '粤B1234学', '京A1234警', '粤BA123挂']) {
      expect([p, plateKind(p)]).toEqual([p, 'ordinary'])
      expect(plateProblem(p)).toBeUndefined()
    }
    // only in the last place
    expect(plateKind('粤B12挂45')).toBeUndefined()
    expect(plateProblem('粤B12挂45')).toBe('车牌格式不正确（如 粤B12345）')
    expect(plateKind('粤B1234挂5')).toBeUndefined()
  })

  it('every province character, for ordinary and both new-energy forms', () => {
    expect(PROVINCES).toHaveLength(31)
    expect(new Set(PROVINCES).size).toBe(31)
    for (const p of PROVINCES) {
      expect(plateProblem(`${p}A12345`)).toBeUndefined()
      expect(plateKind(`${p}A12345`)).toBe('ordinary')
      expect(plateKind(`${p}AD12345`)).toBe('newEnergy')
      expect(plateKind(`${p}A12345F`)).toBe('newEnergy')
    }
    // not a province: Hong Kong, Macau, or anything else
    for (const p of ['港A12345', '澳A12345', '中A12345', 'BA12345'])
      expect(plateProblem(p)).toBe('车牌第一位应为省份简称，如 粤')
  })
})

describe('plates: what a guard types is normalised', () => {
  it('lower case, spaces, middle dots, dots, dashes and underscores', () => {
    expect(normalizePlate('粤b·12345')).toBe('粤B12345')
    expect(normalizePlate(' 粤 b 123 45 ')).toBe('粤B12345')
    expect(normalizePlate('粤B.12345')).toBe('粤B12345')
    expect(normalizePlate('粤B-12345')).toBe('粤B12345')
    expect(normalizePlate('粤B_12345')).toBe('粤B12345')
    expect(normalizePlate('粤b•d12345')).toBe('粤BD12345')
    expect(plateProblem('粤b·12345')).toBeUndefined()
    expect(plateKind('粤bd12345')).toBe('newEnergy')
  })

  it('the contract schema stores the normalised plate and refuses a bad one in Chinese', () => {
    expect(v.parse(plate(), '粤b·12345')).toBe('粤B12345')
    expect(v.parse(plate(), ' 粤bd 12345 ')).toBe('粤BD12345')
    const r = v.safeParse(plate(), '粤B1O345')
    expect(r.success).toBe(false)
    expect(r.issues?.[0].message).toBe('车牌号格式不正确（如 粤B12345，新能源 粤BD12345）')
  })
})

describe('plates: each mistake explained', () => {
  it('empty', () => {
    expect(plateProblem('')).toBe('请填写车牌号')
    expect(plateProblem(' · ')).toBe('请填写车牌号')
  })

  it('the second character must be a letter', () => {
    expect(plateProblem('粤112345')).toBe('车牌第二位应为字母')
    expect(plateProblem('粤')).toBe('车牌第二位应为字母')
    expect(plateProblem('粤粤12345')).toBe('车牌第二位应为字母')
  })

  it('I and O are refused anywhere after the province, upper or lower case, with the reason', () => {
    const msg = '车牌中没有字母 I 和 O，请检查是否为数字 1 或 0'
    for (const p of [
      '粤I12345',
      '粤O12345',
      '粤B1O345',
      '粤BI2345',
      '粤B1234o',
      '粤bi2345',
      '粤BDO1234',
      '粤B12345I'
    ])
      expect([p, plateProblem(p)]).toEqual([p, msg])
    expect(plateKind('粤BO1234')).toBeUndefined()
  })

  it('too short, too long, and the wrong 8-character shape', () => {
    expect(plateProblem('粤B1234')).toBe('车牌号位数不够（普通车牌7位，新能源8位）')
    expect(plateProblem('粤B')).toBe('车牌号位数不够（普通车牌7位，新能源8位）')
    expect(plateProblem('粤B1234567')).toBe('车牌号位数太多')
    expect(plateProblem('粤BA12345')).toBe('新能源车牌格式不正确（如 粤BD12345）')
    expect(plateProblem('粤B123456')).toBe('新能源车牌格式不正确（如 粤BD12345）')
    expect(plateProblem('粤B1234#')).toBe('车牌格式不正确（如 粤B12345）')
  })
})

describe('formatPlate', () => {
  it('puts the dot after the issuing letter, whatever was typed', () => {
    expect(formatPlate('粤B12345')).toBe('粤B·12345')
    expect(formatPlate('粤b 12345')).toBe('粤B·12345')
    expect(formatPlate('粤B·12345')).toBe('粤B·12345')
    expect(formatPlate('粤BD12345')).toBe('粤B·D12345')
    expect(formatPlate('粤B12345F')).toBe('粤B·12345F')
    expect(formatPlate('粤B1234挂')).toBe('粤B·1234挂')
  })
  it('leaves what is too short to split', () => {
    expect(formatPlate('粤b')).toBe('粤B')
    expect(formatPlate('')).toBe('')
  })
})
