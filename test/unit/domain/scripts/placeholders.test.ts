import {
  fill,
  greetingFor,
  hasMalformedBraces,
  honorificFor,
  KNOWN_PLACEHOLDERS,
  placeholdersIn,
  toDisplayPunctuation,
  unknownPlaceholders
} from '../../../../src/domain/scripts'

/** epoch ms for a China (UTC+8) wall-clock time on 2025-06-01 */
const china = (h: number, m = 0) => Date.UTC(2025, 5, 1, h - 8, m)

describe('greeting by hour in UTC+8', () => {
  test.each([
    [4, 59, '晚上好'],
    [5, 0, '早上好'],
    [11, 59, '早上好'],
    [12, 0, '下午好'],
    [17, 59, '下午好'],
    [18, 0, '晚上好'],
    [23, 59, '晚上好'],
    [0, 0, '晚上好']
  ])('%i:%i → %s', (h, m, g) => {
    expect(greetingFor(china(h, m))).toBe(g)
  })

  test('uses the estate offset, not the machine zone', () => {
    // 02:00 UTC is 10:00 in China but 02:00 at offset 0
    const t = Date.UTC(2025, 5, 1, 2, 0)
    expect(greetingFor(t)).toBe('早上好')
    expect(greetingFor(t, 0)).toBe('晚上好')
    expect(greetingFor(new Date(t))).toBe('早上好')
  })

  test('fill picks the greeting from ctx.now', () => {
    expect(fill('{greeting}', { now: china(9) })).toBe('早上好')
    expect(fill('{greeting}', { now: new Date(china(13)) })).toBe('下午好')
    expect(fill('{greeting}', { now: china(20) })).toBe('晚上好')
    expect(fill('{greeting}', {})).toBe('您好')
  })
})

describe('honorific', () => {
  test('先生 / 小姐 as the seeds write it, both when unknown', () => {
    expect(honorificFor('male')).toBe('先生')
    expect(honorificFor('female')).toBe('小姐')
    expect(honorificFor(undefined)).toBe('先生/小姐')
    expect(fill('{surname}{honorific},您好。', { surname: '王', gender: 'female' })).toBe('王小姐,您好。')
    expect(fill('{surname}{honorific},您好。', { surname: '周', gender: 'male' })).toBe('周先生,您好。')
  })

  test('host is written out, or built from its surname and gender', () => {
    expect(fill('{host}', { host: '3栋王先生' })).toBe('3栋王先生')
    expect(fill('{host}', { hostSurname: '李', hostGender: 'female' })).toBe('李小姐')
    expect(fill('{host}', {})).toBe('业主')
  })
})

describe('fill', () => {
  test('fills every known placeholder', () => {
    const text = KNOWN_PLACEHOLDERS.map((p) => `{${p.name}}`).join('|')
    const out = fill(text, {
      surname: '王',
      gender: 'male',
      company: '利海物业',
      estate: '利海豪园',
      gate: '北门',
      room: '3-201',
      staffName: '小张',
      host: '李小姐',
      place: '厨房',
      facility: '路灯',
      matter: '水管报修',
      event: '电梯困人',
      dept: '工程部',
      time: '下午6点',
      now: china(15)
    })
    expect(out).toBe(
      '下午好|王|先生|利海物业|利海豪园|北门|3-201|小张|李小姐|厨房|路灯|水管报修|电梯困人|工程部|下午6点'
    )
  })

  test('missing values never leave braces and read naturally', () => {
    const text = KNOWN_PLACEHOLDERS.map((p) => `{${p.name}}`).join(' ')
    const out = fill(text, {})
    expect(out).not.toMatch(/[{}]/)
    expect(fill('{surname}{honorific},您好。')).toBe('先生/小姐,您好。')
    expect(fill('您好,{company}客服部')).toBe('您好,利海物业客服部')
    expect(fill('您好,{company}{estate}服务中心,有什么可以帮您的?')).toBe(
      '您好,利海物业服务中心,有什么可以帮您的?'
    )
    expect(fill('您好,这里是{estate}{gate}值班室')).toBe('您好,这里是门岗值班室')
    expect(fill('您好,我是{company}客服部的{staffName}')).toBe('您好,我是利海物业客服部的工作人员')
  })

  test('blank values count as missing; unknown names are dropped, not shown', () => {
    expect(fill('{surname}{honorific}', { surname: '  ', gender: 'male' })).toBe('先生')
    expect(fill('a{nosuch}b')).toBe('ab')
  })
})

describe('placeholdersIn', () => {
  test('lists every name once, in order, known or not', () => {
    expect(placeholdersIn('{surname}{honorific},{greeting}!{surname}{foo}')).toEqual([
      'surname',
      'honorific',
      'greeting',
      'foo'
    ])
    expect(placeholdersIn('没有占位符')).toEqual([])
    expect(unknownPlaceholders('{surname}{foo}{visitor}')).toEqual(['foo', 'visitor'])
  })

  test('spots stray braces', () => {
    expect(hasMalformedBraces('{surname},您好')).toBe(false)
    expect(hasMalformedBraces('{surname,您好')).toBe(true)
    expect(hasMalformedBraces('{}')).toBe(true)
    expect(hasMalformedBraces('您好}')).toBe(true)
  })
})

describe('toDisplayPunctuation', () => {
  test('turns the seeds’ ASCII punctuation into full width next to Chinese only', () => {
    expect(toDisplayPunctuation('先生(小姐),请问您找谁?')).toBe('先生（小姐），请问您找谁？')
    expect(toDisplayPunctuation('您好,祝您一路平安!')).toBe('您好，祝您一路平安！')
    expect(toDisplayPunctuation('10:30 ok, fine')).toBe('10:30 ok, fine')
  })
})
