/** Goods release: the checklist a guard completes before goods may leave, and a finished check. */
import {
  goodsCheckProblem,
  goodsReleaseProblems,
  type GoodsReleaseCheck
} from '../../../../src/domain/gate/goods'

const allDone: GoodsReleaseCheck = {
  passId: 'gp1',
  itemsMatch: true,
  signatureOk: true,
  stampOk: true,
  authorityOk: true,
  lorry: false
}

describe('goodsReleaseProblems', () => {
  it('a system pass or a paper slip, every item ticked: nothing stands in the way', () => {
    expect(goodsReleaseProblems(allDone)).toEqual([])
    expect(goodsReleaseProblems({ ...allDone, passId: undefined, slipNo: 'A-1' })).toEqual([])
    expect(goodsReleaseProblems({ ...allDone, lorry: true, lorryOpened: true })).toEqual([])
  })

  it('names each check still missing, in the order the guard works through them', () => {
    expect(
      goodsReleaseProblems({
        itemsMatch: false,
        signatureOk: false,
        stampOk: false,
        authorityOk: false,
        lorry: true,
        lorryOpened: false
      })
    ).toEqual([
      '没有放行条的物品不能放行',
      '物品与放行条不符',
      '签名未核对',
      '未加盖管理中心印章',
      '签名人无此权限',
      '货车未开箱检查'
    ])
    expect(goodsReleaseProblems({ ...allDone, stampOk: false })).toEqual(['未加盖管理中心印章'])
    expect(goodsReleaseProblems({ ...allDone, lorry: true })).toEqual(['货车未开箱检查'])
  })
})

describe('goodsCheckProblem', () => {
  it('needs the items; a refusal needs a reason, a release does not', () => {
    expect(goodsCheckProblem('released', 0, '')).toBe('请填写带出的物品')
    expect(goodsCheckProblem('refused', 2, '  ')).toBe('请选择或填写拒绝放行的原因')
    expect(goodsCheckProblem('refused', 2, '无放行条')).toBeUndefined()
    expect(goodsCheckProblem('released', 1, '')).toBeUndefined()
  })
})
