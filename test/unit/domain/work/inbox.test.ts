import { inboxPage } from '../../../../src/domain/work/inbox'

describe('inboxPage', () => {
  it('leads each kind of message to its page', () => {
    expect(inboxPage('resolved')).toBe('/pages/work/report/index')
    expect(inboxPage('emergency')).toBe('/pages/supervisor/work/index')
    expect(inboxPage('escalated')).toBe('/pages/supervisor/work/index')
    expect(inboxPage('assigned')).toBe('/pages/work/tasks/index')
    expect(inboxPage('rejected')).toBe('/pages/work/tasks/index')
  })
})
