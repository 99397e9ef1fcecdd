import {
  allPhrases,
  buildPhrasebook,
  PHRASEBOOK,
  requireScript,
  SCRIPTS,
  searchPhrases,
  searchScripts,
  SEED_FILES
} from '../../../../src/domain/scripts'
import { tinyScript } from './fixtures'

describe('phrasebook', () => {
  test('holds every line to say in the library, grouped by situation, each with its source', () => {
    const lines = SCRIPTS.flatMap((s) => Object.values(s.steps).flatMap((st) => st.say ?? []))
    const phrases = allPhrases()
    expect(phrases).toHaveLength(lines.length)
    expect(new Set(phrases.map((p) => p.id)).size).toBe(phrases.length)
    for (const g of PHRASEBOOK) {
      expect(g.phrases.length).toBeGreaterThan(0)
      expect(g.situation).toContain(' · ')
      expect(SEED_FILES).toContain(g.source.file)
      for (const p of g.phrases) expect(p.situation).toBe(g.situation)
    }
  })

  test('a step citing its own source passes it on to its phrases', () => {
    const p = allPhrases().find(
      (x) => x.text === '感谢您的配合,请您进去吧。' && x.scriptId === 'gate.visitor'
    )!
    expect(p.source.file).toBe('000_86fd12d757344a0e.txt')
    expect(p.situation).toBe('访客(来访人员)检查 · 已登记放行')
  })

  test('buildPhrasebook works on any scripts', () => {
    const book = buildPhrasebook([tinyScript()])
    expect(book.map((g) => g.id)).toEqual([
      'test.tiny/greet',
      'test.tiny/call',
      'test.tiny/admitted',
      'test.tiny/refused'
    ])
    expect(book[0].phrases[0]).toMatchObject({
      id: 'test.tiny/greet#0',
      text: '{honorific},请问您找谁?',
      department: 'security'
    })
  })
})

describe('searchPhrases', () => {
  test('finds Chinese substrings in the text', () => {
    const hits = searchPhrases('预约')
    expect(hits.length).toBeGreaterThan(0)
    expect(hits.map((h) => h.text)).toContain('{honorific},请问您有没有预约好?')
    for (const h of hits.slice(0, 3)) expect(h.text).toContain('预约')
  })

  test('full-width punctuation in the query matches the seeds’ ASCII', () => {
    expect(searchPhrases('请问您找谁？').map((h) => h.text)).toContain('{honorific},请问您找谁?')
  })

  test('matches situation and tags too, text matches rank first', () => {
    const bySituation = searchPhrases('突发事件')
    expect(bySituation.map((h) => h.scriptId)).toContain('security.emergency')
    const byTag = searchPhrases('售楼部')
    expect(byTag.length).toBeGreaterThan(0)
    expect(byTag[0].text).toContain('售楼部')
  })

  test('several words must all match; filters by department and role', () => {
    const hits = searchPhrases('回访 满意')
    expect(hits.length).toBeGreaterThan(0)
    expect(hits[0].text).toBe('请问我们上次为您提供的服务您还满意吗?有没有什么需要改进的地方?')
    expect(
      searchPhrases('您好', { department: 'engineering' }).every((h) => h.department === 'engineering')
    ).toBe(true)
    expect(searchPhrases('您好', { role: 'cleaner' }).every((h) => h.roles.includes('cleaner'))).toBe(true)
    expect(searchPhrases('完全不存在的词语xyz')).toEqual([])
  })

  test('an empty query returns everything (within filters)', () => {
    expect(searchPhrases('')).toHaveLength(allPhrases().length)
    expect(searchPhrases('  ', { department: 'service' }).every((p) => p.department === 'service')).toBe(true)
  })
})

describe('searchScripts', () => {
  test('ranks title and tag matches first', () => {
    expect(searchScripts('访客')[0].id).toBe('gate.visitor')
    expect(searchScripts('车辆')[0].id).toBe('gate.vehicle')
    expect(searchScripts('出闸纸')[0].id).toBe('gate.goods')
    expect(searchScripts('洗衣')[0].id).toBe('housekeeping.laundry')
    expect(searchScripts('投诉')[0].id).toBe('service.complaint')
  })

  test('finds scripts by words inside their steps', () => {
    expect(searchScripts('高洁公司').map((s) => s.id)).toEqual(['housekeeping.laundry'])
    expect(searchScripts('白手套').map((s) => s.id)).toEqual(['security.special-occasions'])
  })

  test('filters by department and role', () => {
    const guards = searchScripts('', { role: 'guard' })
    expect(guards.map((s) => s.id)).toEqual(
      expect.arrayContaining(['gate.visitor', 'gate.vehicle', 'gate.goods'])
    )
    expect(guards.every((s) => s.roles.includes('guard'))).toBe(true)
    expect(
      searchScripts('', { department: 'engineering' })
        .map((s) => s.id)
        .sort()
    ).toEqual(['engineering.inspection', 'engineering.repair-visit'])
    expect(searchScripts('访客', { department: 'cleaning' })).toEqual([])
    expect(searchScripts('电话', { role: 'service' })[0]).toBe(requireScript('service.phone'))
  })
})
