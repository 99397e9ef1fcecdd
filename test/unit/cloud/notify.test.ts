import { subscribeRequest } from '../../../src/cloud/notify'

describe('WeChat subscribe messages', () => {
  const n = {
    openid: 'o1',
    kind: 'assigned',
    title: '新报事：漏水 · 2栋地下室的水管接头一直在漏水请尽快处理',
    page: '/pages/work/tasks/index',
    at: Date.UTC(2026, 10, 23, 1, 5)
  }
  it('uses the template for the kind, a 20-character title and estate time', () => {
    const r = subscribeRequest(n, { SUBSCRIBE_TMPL_ASSIGNED: 'T-A' })!
    expect(r).toMatchObject({
      touser: 'o1',
      templateId: 'T-A',
      page: '/pages/work/tasks/index',
      miniprogramState: 'formal',
      lang: 'zh_CN'
    })
    expect([...r.data.thing1.value]).toHaveLength(20)
    expect(r.data.thing1.value.endsWith('…')).toBe(true)
    expect(r.data.time2.value).toBe('2026-11-23 09:05')
    expect(
      subscribeRequest({ ...n, kind: 'emergency' }, { SUBSCRIBE_TMPL_ESCALATED: 'T-E' })?.templateId
    ).toBe('T-E')
    // a lone-worker alert (未按时报平安, 长按求助) goes on the escalation template
    expect(subscribeRequest({ ...n, kind: 'safety' }, { SUBSCRIBE_TMPL_ESCALATED: 'T-E' })?.templateId).toBe(
      'T-E'
    )
  })
  it('sends nothing without a template', () => {
    expect(subscribeRequest(n, {})).toBeUndefined()
    expect(subscribeRequest({ ...n, kind: 'resolved' }, { SUBSCRIBE_TMPL_ASSIGNED: 'T-A' })).toBeUndefined()
  })
})
