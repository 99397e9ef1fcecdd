import * as v from 'valibot'
import {
  ID_TYPES,
  ID_TYPE_LABELS,
  describeId,
  hashIdNumber,
  idCardProblem,
  idRef,
  normalizeIdNumber
} from '../../../../src/domain/gate/idcard'
import { idDocSchema } from '../../../../src/domain/contract/gate'
import { parseInput } from '../../../../src/domain/validation'

// valid mainland IDs: check digits X, 8, 4, 1 (computed by the GB 11643 weights)
const WITH_X = '11010519491231002X'
const LEAP_DAY = '110101200002290018'
const YEAR_1900 = '110101190001010014'
const OTHER = '320583198512315671'

describe('resident ID numbers', () => {
  it('accepts valid numbers, including X as the check character in either case and with spaces', () => {
    for (const n of [WITH_X, LEAP_DAY, YEAR_1900, OTHER, '44030519900101123X'])
      expect([n, idCardProblem(n)]).toEqual([n, undefined])
    expect(idCardProblem(WITH_X.toLowerCase())).toBeUndefined()
    expect(idCardProblem(' 110105 19491231 002x ')).toBeUndefined()
    expect(normalizeIdNumber(' 110105 19491231 002x ')).toBe(WITH_X)
  })

  it('refuses the wrong length or characters', () => {
    const msg = '身份证号应为18位（最后一位可以是X）'
    for (const n of [
      '',
      '11010519491231002',
      '11010519491231002X1',
      '1101051949123100XX',
      '11010519491231002Y',
      'A1010519491231002X'
    ])
      expect([n, idCardProblem(n)]).toEqual([n, msg])
  })

  it('refuses a date of birth that does not exist', () => {
    const msg = '身份证号中的出生日期不正确'
    // 30 Feb, month 13, day 00, 29 Feb of a non-leap year, before 1900
    for (const b of [
      '110105194902300021',
      '110105194913010021',
      '110105194901000021',
      '110101200102290018',
      '110101189912310014'
    ])
      expect([b, idCardProblem(b)]).toEqual([b, msg])
  })

  it('refuses a wrong check character', () => {
    const msg = '身份证号校验位不正确，请核对'
    expect(idCardProblem('110105194912310021')).toBe(msg)
    expect(idCardProblem('110105194912310020')).toBe(msg)
    expect(idCardProblem('320583198512315670')).toBe(msg)
    expect(idCardProblem('32058319851231567X')).toBe(msg)
  })
})

describe('hashIdNumber', () => {
  it('is 64 hex characters, the same for the same number and salt however it was typed', () => {
    const h = hashIdNumber(WITH_X, 'salt-a')
    expect(h).toMatch(/^[0-9a-f]{64}$/)
    expect(hashIdNumber(WITH_X, 'salt-a')).toBe(h)
    expect(hashIdNumber(` ${WITH_X.toLowerCase()} `, 'salt-a')).toBe(h)
  })
  it('differs across salts and across numbers', () => {
    const a = hashIdNumber(WITH_X, 'salt-a')
    expect(hashIdNumber(WITH_X, 'salt-b')).not.toBe(a)
    expect(hashIdNumber(OTHER, 'salt-a')).not.toBe(a)
    expect(hashIdNumber(WITH_X, '')).not.toBe(a)
  })
})

describe('idRef: what a record keeps of a document', () => {
  it('a resident ID: type, last four (X upper case) and the salted hash', () => {
    expect(idRef('idcard', WITH_X.toLowerCase(), 'salt-a')).toEqual({
      type: 'idcard',
      last4: '002X',
      hash: hashIdNumber(WITH_X, 'salt-a')
    })
    expect(idRef('idcard', OTHER, 'salt-a')).toEqual({
      type: 'idcard',
      last4: '5671',
      hash: hashIdNumber(OTHER, 'salt-a')
    })
  })

  it('never holds the whole number, nor its date of birth', () => {
    for (const n of [WITH_X, OTHER, LEAP_DAY]) {
      for (const salt of ['s1', 'another salt']) {
        const text = JSON.stringify(idRef('idcard', n, salt))
        expect(text).not.toContain(n)
        expect(text).not.toContain(n.slice(0, 6))
        expect(text).not.toContain(n.slice(6, 14))
      }
    }
  })

  it('passes on the ID problem instead of a ref', () => {
    expect(idRef('idcard', '123', 's')).toEqual({ problem: '身份证号应为18位（最后一位可以是X）' })
    expect(idRef('idcard', '110105194902300021', 's')).toEqual({ problem: '身份证号中的出生日期不正确' })
    expect(idRef('idcard', '110105194912310021', 's')).toEqual({ problem: '身份证号校验位不正确，请核对' })
    expect(idRef('idcard', '', 's')).toEqual({ problem: '请填写证件号码' })
    expect(idRef('idcard', undefined, 's')).toEqual({ problem: '请填写证件号码' })
  })

  it('other documents: at least four letters or digits (dashes allowed)', () => {
    expect(idRef('passport', 'e1234567', 's')).toEqual({
      type: 'passport',
      last4: '4567',
      hash: hashIdNumber('E1234567', 's')
    })
    expect(idRef('hkmo', 'C1234-5678', 's')).toMatchObject({ type: 'hkmo', last4: '5678' })
    expect(idRef('driving', ' 4403 0519 ', 's')).toMatchObject({ type: 'driving', last4: '0519' })
    expect(idRef('taiwan', 'ABCD', 's')).toMatchObject({ type: 'taiwan', last4: 'ABCD' })
    expect(idRef('passport', 'E12', 's')).toEqual({ problem: '证件号码格式不正确' })
    expect(idRef('other', 'AB#12345', 's')).toEqual({ problem: '证件号码格式不正确' })
  })

  it('no document: no number, no hash, whatever was typed', () => {
    expect(idRef('none', undefined, 's')).toEqual({ type: 'none', last4: '' })
    expect(idRef('none', WITH_X, 's')).toEqual({ type: 'none', last4: '' })
  })
})

describe('describeId', () => {
  it('names the type and shows only the last four', () => {
    expect(describeId({ type: 'idcard', last4: '002X', hash: 'a'.repeat(64) })).toBe('身份证 ····002X')
    expect(describeId({ type: 'passport', last4: '4567' })).toBe('护照 ····4567')
    expect(describeId({ type: 'hkmo', last4: '5678' })).toBe('港澳通行证 ····5678')
    expect(describeId({ type: 'none', last4: '' })).toBe('未出示证件')
    expect(describeId(undefined)).toBe('未出示证件')
  })
  it('every type has a Chinese label', () => {
    for (const t of ID_TYPES) expect(ID_TYPE_LABELS[t]).toMatch(/^[\u4e00-\u9fa5]+$/)
  })
})

describe('the ID the device sends (contract)', () => {
  const schema = idDocSchema()
  it('type, last four (upper-cased) and a 64-hex hash; nothing else', () => {
    expect(v.parse(schema, { type: 'idcard', last4: '002x', hash: 'a'.repeat(64) })).toEqual({
      type: 'idcard',
      last4: '002X',
      hash: 'a'.repeat(64)
    })
    expect(v.parse(schema, { type: 'none', last4: '' })).toEqual({ type: 'none', last4: '' })
  })
  it('refuses a whole number in any field, in Chinese', () => {
    const bad = [
      { type: 'idcard', last4: WITH_X, hash: 'a'.repeat(64) },
      { type: 'idcard', last4: '002X', hash: WITH_X },
      { type: 'idcard', last4: '002X', number: WITH_X },
      { type: 'card', last4: '002X' }
    ]
    for (const b of bad) {
      expect(v.safeParse(schema, b).success).toBe(false)
      // as the server reports it
      expect(() => parseInput(schema, b)).toThrow(/^填写的内容有误：.*[\u4e00-\u9fa5]/)
    }
  })
})
