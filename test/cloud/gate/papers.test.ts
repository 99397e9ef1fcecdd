/**
 * The desk's two papers side by side, against real SQLite: a visitor pass (gate.passRevoke,
 * gate.passes) and a goods release slip (gate.goodsRevoke, gate.goodsSlips) are revoked and
 * listed the same way; each row names its paper's words. What only one paper does stays in
 * visitors.test.ts and vehicles-goods.test.ts.
 */
import { ok, type Harness } from '../harness'
import type { GoodsSlipOut, PassOut } from '../../../src/domain/contract'
import {
  OTHER,
  gateHarness,
  goodsCheckInput,
  makeGoodsSlip,
  makePass,
  refused,
  stored,
  visitorInput
} from './kit'

interface Paper {
  name: string
  revoke: 'gate.passRevoke' | 'gate.goodsRevoke'
  list: 'gate.passes' | 'gate.goodsSlips'
  coll: string
  /** the status of a paper issued and not yet used */
  live: string
  make(
    h: Harness,
    extra?: Record<string, unknown>,
    who?: string,
    estateId?: string
  ): Promise<PassOut | GoodsSlipOut>
  /** the guard uses it at the gate */
  use(h: Harness, id: string): Promise<unknown>
  /** the message for a revoke after it was used */
  used: string
  listBad: Record<string, unknown>
}

const PAPERS: Paper[] = [
  {
    name: '通行证',
    revoke: 'gate.passRevoke',
    list: 'gate.passes',
    coll: 'passes',
    live: 'active',
    make: makePass,
    use: async (h, id) =>
      ok(await h.as('demo-guard', 'gate.checkIn', visitorInput({ source: 'pass', passId: id }))),
    used: '这张通行证已使用，不能作废',
    listBad: { all: 1 }
  },
  {
    name: '放行条',
    revoke: 'gate.goodsRevoke',
    list: 'gate.goodsSlips',
    coll: 'goodspasses',
    live: 'issued',
    make: makeGoodsSlip,
    use: async (h, id) => ok(await h.as('demo-guard', 'gate.goodsCheck', goodsCheckInput({ passId: id }))),
    used: '这张放行条已放行，不能作废',
    listBad: { page: 2 }
  }
]

let h: Harness
beforeEach(async () => {
  h = await gateHarness()
})

describe.each(PAPERS)('$revoke', (paper) => {
  it(`an unused ${paper.name} is revoked once, by the desk or the supervisor; a used one cannot be`, async () => {
    const p = await paper.make(h)
    const q = await paper.make(h)
    const u = await paper.make(h)
    expect(
      ok<PassOut | GoodsSlipOut>(await h.as('demo-service', paper.revoke, { passId: p.id })).status
    ).toBe('revoked')
    expect(
      ok<PassOut | GoodsSlipOut>(await h.as('demo-supervisor', paper.revoke, { passId: q.id })).status
    ).toBe('revoked')
    await refused(
      h,
      'demo-service',
      paper.revoke,
      { passId: p.id },
      'CONFLICT',
      `这张${paper.name}已作废，不能作废`
    )
    await paper.use(h, u.id)
    await refused(h, 'demo-supervisor', paper.revoke, { passId: u.id }, 'CONFLICT', paper.used)
  })

  it('unknown, bad input, another estate’s: refused and left as it was', async () => {
    const p = await paper.make(h)
    await refused(
      h,
      'demo-service',
      paper.revoke,
      { passId: 'no-such-pass' },
      'NOT_FOUND',
      `没有找到这张${paper.name}`
    )
    await refused(h, 'demo-service', paper.revoke, { passId: 12 }, 'INVALID_INPUT')
    await refused(h, 'demo-service', paper.revoke, { passId: p.id, why: 'x' }, 'INVALID_INPUT')
    await refused(h, 'desk-e2', paper.revoke, { passId: p.id }, 'NOT_FOUND', undefined, { estateId: OTHER })
    expect(await stored(h, paper.coll, p.id)).toMatchObject({ status: paper.live })
  })
})

describe.each(PAPERS)('$list', (paper) => {
  it('the estate’s own, newest first', async () => {
    const a = await paper.make(h)
    h.clock.now += 1000
    const b = await paper.make(h, {}, 'demo-supervisor')
    const theirs = await paper.make(h, {}, 'desk-e2', OTHER)
    const list = ok<(PassOut | GoodsSlipOut)[]>(await h.as('demo-supervisor', paper.list, {}))
    expect(list.map((p) => p.id)).toEqual([b.id, a.id])
    expect(
      ok<(PassOut | GoodsSlipOut)[]>(await h.as('desk-e2', paper.list, {}, { estateId: OTHER })).map(
        (p) => p.id
      )
    ).toEqual([theirs.id])
  })

  it('bad input', async () => {
    await refused(h, 'demo-service', paper.list, paper.listBad, 'INVALID_INPUT')
  })
})
