import {
  goodsCheckRequest,
  releaseSource,
  typedGoodsItems,
  type GoodsCheckForm
} from '../../../../src/domain/gate/goodsForm'

const pass = { id: 'gp-1', holderName: '王五', room: '2-301', items: [{ name: '沙发', qty: 1 }] }
const form = (over: Partial<GoodsCheckForm> = {}): GoodsCheckForm => ({
  slipNo: ' A-17 ',
  holder: ' 李四 ',
  room: ' ',
  rows: [
    { name: ' 冰箱 ', qty: '2' },
    { name: '  ', qty: '5' },
    { name: '椅子', qty: 'x' }
  ],
  photoIds: ['ph-1'],
  reason: '',
  itemsMatch: true,
  signatureOk: true,
  stampOk: true,
  authorityOk: true,
  lorry: false,
  lorryOpened: true,
  ...over
})

describe('typedGoodsItems', () => {
  it('drops unnamed rows, trims, quantity at least one', () => {
    expect(
      typedGoodsItems([
        { name: ' 冰箱 ', qty: '2.7' },
        { name: '', qty: '3' },
        { name: '椅子', qty: '' },
        { name: '箱子', qty: '-4' }
      ])
    ).toEqual([
      { name: '冰箱', qty: 2 },
      { name: '椅子', qty: 1 },
      { name: '箱子', qty: 1 }
    ])
  })
})

describe('releaseSource', () => {
  it('the system pass wins over a typed slip; a blank slip is none', () => {
    expect(releaseSource(pass, 'A-1')).toEqual({ passId: 'gp-1', slipNo: undefined })
    expect(releaseSource(undefined, ' A-1 ')).toEqual({ passId: undefined, slipNo: 'A-1' })
    expect(releaseSource(undefined, '  ')).toEqual({ passId: undefined, slipNo: undefined })
  })
})

describe('goodsCheckRequest', () => {
  it('a slip release: the typed items, holder and room', () => {
    const r = goodsCheckRequest(form(), undefined, 'released')
    expect(r).toEqual({
      input: {
        passId: undefined,
        slipNo: 'A-17',
        holderName: '李四',
        room: undefined,
        items: [
          { name: '冰箱', qty: 2 },
          { name: '椅子', qty: 1 }
        ],
        lorry: false,
        lorryOpened: undefined,
        signatureOk: true,
        stampOk: true,
        authorityOk: true,
        itemsMatch: true,
        photoIds: ['ph-1'],
        result: 'released',
        reason: undefined
      }
    })
  })
  it('against a pass: its items, holder and room, whatever was typed', () => {
    const r = goodsCheckRequest(form({ lorry: true, reason: ' 签名无效 ' }), pass, 'refused')
    expect(r).toMatchObject({
      input: {
        passId: 'gp-1',
        slipNo: undefined,
        holderName: '王五',
        room: '2-301',
        items: pass.items,
        lorryOpened: true,
        reason: '签名无效'
      }
    })
  })
  it('no items, or a refusal without a reason, is a problem', () => {
    expect(goodsCheckRequest(form({ rows: [{ name: ' ', qty: '1' }] }), undefined, 'released')).toEqual({
      problem: '请填写带出的物品'
    })
    expect(goodsCheckRequest(form({ reason: ' ' }), pass, 'refused')).toEqual({
      problem: '请选择或填写拒绝放行的原因'
    })
  })
})
