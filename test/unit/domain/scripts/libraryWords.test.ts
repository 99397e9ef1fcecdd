/**
 * The script library's words are the company's SOP: a refactor of how the library is built must
 * not change one of them. test/fixtures/scripts-library.json is the whole library (every script,
 * every field, the step order) as written out from the code before the library was built from
 * shared step makers (library/parts.ts). A changed phrase, a lost `never`, a step in another
 * order or a stray `undefined` field fails here. When a script's wording changes on purpose, bump
 * its version and write the fixture out again from the new library, in the same commit.
 */
import { readFileSync } from 'fs'
import { join } from 'path'
import { SCRIPTS } from '../../../../src/domain/scripts/library'
import type { Script } from '../../../../src/domain/scripts/model'

type Written = Script & { stepOrder: string[] }

const written: Written[] = JSON.parse(
  readFileSync(join(__dirname, '../../../fixtures/scripts-library.json'), 'utf8')
)

describe('the built library says word for word what the library said before it was factored', () => {
  test('the same scripts in the same order', () => {
    expect(SCRIPTS.map((s) => s.id)).toEqual(written.map((s) => s.id))
  })

  test.each(written.map((w) => [w.id, w] as const))('%s', (id, w) => {
    const script = SCRIPTS.find((s) => s.id === id)!
    const { stepOrder, ...rest } = w
    expect(Object.keys(script.steps)).toEqual(stepOrder)
    expect(script).toStrictEqual(rest)
  })

  test('the fixture is the whole library, not a sample', () => {
    const steps = written.reduce((n, s) => n + s.stepOrder.length, 0)
    expect(written).toHaveLength(33)
    expect(steps).toBe(247)
  })
})
