import * as v from 'valibot'
import { PATROL_ACTIONS } from '../../../../src/domain/contract/patrol'
import {
  normalizeSunKey,
  sunKeyInput,
  sunKeyProblems,
  sunKeyStatus
} from '../../../../src/domain/patrol/sunForm'

const KEY = '00112233445566778899aabbccddeeff'
const schema = PATROL_ACTIONS['patrol.checkpointSunKey'].input

describe('the NFC anti-forgery key form', () => {
  it('accepts two 32-hex keys, pasted with spaces or colons, and sends what the contract accepts', () => {
    const f = {
      meta: '00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff',
      file: KEY.replace(/(..)/g, '$1:').slice(0, -1)
    }
    expect(sunKeyProblems(f)).toEqual({})
    const input = sunKeyInput('cp-1', f)
    expect(input).toEqual({ id: 'cp-1', sunMetaKey: KEY.toUpperCase(), sunFileKey: KEY.toUpperCase() })
    expect(v.safeParse(schema, input).success).toBe(true)
  })

  it('says on each field what is wrong, in Chinese, where the contract would refuse it', () => {
    const cases: [string, string][] = [
      ['', '请填写密钥'],
      [KEY.slice(0, 31), '应为32位十六进制密钥（现在 31 位）'],
      [KEY + '0', '应为32位十六进制密钥（现在 33 位）'],
      [KEY.slice(0, 31) + 'G', '只能有 0-9 和 A-F']
    ]
    for (const [bad, message] of cases) {
      expect(sunKeyProblems({ meta: bad, file: KEY })).toEqual({ sunMetaKey: message })
      expect(sunKeyProblems({ meta: KEY, file: bad })).toEqual({ sunFileKey: message })
      // the contract refuses the same text
      expect(
        v.safeParse(schema, { id: 'cp-1', sunMetaKey: normalizeSunKey(bad), sunFileKey: KEY }).success
      ).toBe(false)
    }
    expect(Object.keys(sunKeyProblems({ meta: 'x', file: '' }))).toEqual(['sunMetaKey', 'sunFileKey'])
  })

  it('the point’s line says whether it has keys and never shows one', () => {
    expect(sunKeyStatus(true)).toBe('防伪密钥已设置')
    expect(sunKeyStatus(undefined)).toBe('防伪密钥未设置')
  })
})
