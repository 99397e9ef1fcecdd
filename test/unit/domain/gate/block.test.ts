import { blockMatches, type BlockRule } from '../../../../src/domain/gate/block'

const RULES: BlockRule[] = [
  { id: 'masked', kind: 'person', name: '刘某', phone: '137****1111', reason: '冒充快递' },
  { id: 'whole', kind: 'person', phone: '13800002222', reason: '推销' },
  { id: 'named4', kind: 'person', name: '张三', idLast4: '002X', reason: '盗窃' },
  { id: 'hash', kind: 'person', idHash: 'h1', name: '王五', reason: '纠纷' },
  { id: 'car', kind: 'plate', plate: '粤A66666', reason: '欠费' },
  { id: 'nev', kind: 'plate', plate: '粤AD66666', reason: '乱停' }
]
const ids = (c: Parameters<typeof blockMatches>[1]) => blockMatches(RULES, c).map((m) => m.entryId)

describe('blockMatches', () => {
  it('by ID hash, saying so and carrying the reason', () => {
    expect(blockMatches(RULES, { idHash: 'h1' })).toEqual([
      { entryId: 'hash', kind: 'person', matchedBy: '证件号', reason: '纠纷' }
    ])
    expect(ids({ idHash: 'h2' })).toEqual([])
  })

  it('by a masked phone on its visible digits', () => {
    expect(blockMatches(RULES, { phone: '13700001111' })).toEqual([
      { entryId: 'masked', kind: 'person', matchedBy: '手机号', reason: '冒充快递' }
    ])
    expect(ids({ phone: '13799991111' })).toEqual(['masked'])
    expect(ids({ phone: '137 0000 1111' })).toEqual(['masked'])
    expect(ids({ phone: '13700001112' })).toEqual([])
    expect(ids({ phone: '13800001111' })).toEqual([])
    expect(ids({ phone: '1370000111' })).toEqual([])
  })

  it('by a whole phone only exactly', () => {
    expect(ids({ phone: '13800002222' })).toEqual(['whole'])
    expect(ids({ phone: '13800002223' })).toEqual([])
    // a masked phone typed by the guard does not match a whole rule on stars
    expect(ids({ phone: '138****2222' })).toEqual([])
    expect(ids({ phone: '' })).toEqual([])
  })

  it('by name and ID last four together when the entry has both', () => {
    expect(blockMatches(RULES, { name: '张三', idLast4: '002x' })).toEqual([
      { entryId: 'named4', kind: 'person', matchedBy: '姓名和证件后四位', reason: '盗窃' }
    ])
    expect(ids({ name: ' 张三 ', idLast4: '002X' })).toEqual(['named4'])
    expect(ids({ name: '张三', idLast4: '1234' })).toEqual([])
    expect(ids({ name: '张三' })).toEqual([])
    expect(ids({ name: '张四', idLast4: '002X' })).toEqual([])
  })

  it('by name alone when the entry has no ID last four', () => {
    expect(blockMatches(RULES, { name: '刘某' })).toEqual([
      { entryId: 'masked', kind: 'person', matchedBy: '姓名', reason: '冒充快递' }
    ])
    expect(ids({ name: '刘' })).toEqual([])
  })

  it('by plate, normalised on both sides; a plate never matches a person nor a person a plate', () => {
    expect(blockMatches(RULES, { plate: '粤a·66666' })).toEqual([
      { entryId: 'car', kind: 'plate', matchedBy: '车牌', reason: '欠费' }
    ])
    expect(ids({ plate: '粤ad 66666' })).toEqual(['nev'])
    expect(ids({ plate: '粤A66667' })).toEqual([])
    const lower: BlockRule[] = [{ id: 'x', kind: 'plate', plate: '粤a-66666', reason: 'r' }]
    expect(blockMatches(lower, { plate: '粤A66666' }).map((m) => m.entryId)).toEqual(['x'])
    // a plate rule has no person fields to match, and a person rule is not matched by a plate
    expect(ids({ name: '粤A66666' })).toEqual([])
    expect(
      blockMatches([{ id: 'p', kind: 'person', plate: '粤A66666', reason: 'r' }], { plate: '粤A66666' })
    ).toEqual([])
  })

  it('one match per entry, by its strongest evidence', () => {
    expect(blockMatches(RULES, { idHash: 'h1', name: '王五' })).toEqual([
      { entryId: 'hash', kind: 'person', matchedBy: '证件号', reason: '纠纷' }
    ])
    expect(blockMatches(RULES, { name: '刘某', phone: '13700001111' })).toEqual([
      { entryId: 'masked', kind: 'person', matchedBy: '手机号', reason: '冒充快递' }
    ])
  })

  it('ranks the entries: ID, plate, phone, name with last four, name', () => {
    const hits = blockMatches(RULES, { name: '刘某', idHash: 'h1', plate: '粤A66666', phone: '13800002222' })
    expect(hits.map((h) => [h.entryId, h.matchedBy])).toEqual([
      ['hash', '证件号'],
      ['car', '车牌'],
      ['whole', '手机号'],
      ['masked', '姓名']
    ])
    // the ranking does not depend on the order of the list
    expect(
      blockMatches([...RULES].reverse(), {
        name: '刘某',
        idHash: 'h1',
        plate: '粤A66666',
        phone: '13800002222'
      })
    ).toEqual(hits)
    const named = blockMatches(RULES, { name: '张三', idLast4: '002X', phone: '13700001111' })
    expect(named.map((h) => h.matchedBy)).toEqual(['手机号', '姓名和证件后四位'])
  })

  it('nothing to go on, or nothing listed: no match', () => {
    expect(blockMatches(RULES, {})).toEqual([])
    expect(blockMatches([], { name: '刘某', idHash: 'h1', plate: '粤A66666' })).toEqual([])
  })
})
