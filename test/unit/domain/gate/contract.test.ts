import { ACTIONS, ACTION_NAMES } from '../../../../src/domain/contract'
import { GATE_ACTIONS } from '../../../../src/domain/contract/gate'
import { parseInput } from '../../../../src/domain/validation'
import { AppError } from '../../../../src/domain/errors'

const GATE = ACTION_NAMES.filter((n) => n.startsWith('gate.'))

function problems(schema: Parameters<typeof parseInput>[0], input: unknown): string[] {
  try {
    parseInput(schema, input)
    return []
  } catch (e) {
    expect(e).toBeInstanceOf(AppError)
    return ((e as AppError).details ?? []).map((d) => d.message)
  }
}

describe('gate contract: what a guard reads when a field is wrong', () => {
  it('covers the whole gate area', () => {
    expect([...GATE].sort()).toEqual(Object.keys(GATE_ACTIONS).sort())
    expect(GATE).toHaveLength(29)
  })

  for (const name of GATE) {
    it(`${name}: every field is named in Chinese, whether missing or of the wrong kind`, () => {
      const schema = ACTIONS[name].input as unknown as { entries: Record<string, unknown> }
      const fields = Object.keys(schema.entries)
      for (const f of fields) {
        const wrong = problems(ACTIONS[name].input, { [f]: { wrong: true } })
        expect(wrong.length).toBeGreaterThan(0)
        for (const m of wrong)
          expect([name, m]).toEqual([name, expect.stringMatching(/^[^A-Za-z]*[\u4e00-\u9fa5][^：]*：/)])
      }
      for (const m of problems(ACTIONS[name].input, {}))
        expect([name, m]).toEqual([name, expect.stringMatching(/^[\u4e00-\u9fa5][^A-Za-z：]*：/)])
    })
  }
})
