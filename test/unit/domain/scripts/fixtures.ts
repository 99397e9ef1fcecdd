import type { Script } from '../../../../src/domain/scripts'

/** A small, valid script: a choice with answers, a linear step with a required ask, two outcomes. */
export function tinyScript(): Script {
  return {
    id: 'test.tiny',
    version: 3,
    department: 'security',
    title: '测试话术',
    situation: '单元测试',
    source: { file: '003_50baafb6da81e47b.txt', section: '测试' },
    roles: ['guard'],
    tags: ['测试'],
    start: 'greet',
    steps: {
      greet: {
        id: 'greet',
        title: '问候',
        say: ['{honorific},请问您找谁?'],
        branches: [
          { label: '找业主', to: 'room', set: { case: 'B' } },
          { label: '推销', to: 'refused', set: { case: 'D', result: 'refused' } }
        ]
      },
      room: {
        id: 'room',
        title: '房号',
        ask: { key: 'room', label: '房号', kind: 'text', required: true },
        next: 'call'
      },
      call: {
        id: 'call',
        title: '打电话',
        say: ['{host},{greeting},这里有一位{surname}{honorific}有事找您'],
        ask: { key: 'mood', label: '业主语气', kind: 'choice', options: ['好', '一般'] },
        branches: [
          { label: '同意', to: 'admitted', set: { hostCall: 'agreed', result: 'admitted' } },
          { label: '不同意', to: 'refused', set: { hostCall: 'refused', result: 'refused' } }
        ]
      },
      admitted: {
        id: 'admitted',
        say: ['感谢您的配合,请您进去吧。'],
        outcome: { kind: 'visitor.admitted', label: '放行' }
      },
      refused: { id: 'refused', say: ['很抱歉'], outcome: { kind: 'visitor.refused', label: '未放行' } }
    }
  }
}

/** 2025-06-01 00:00 UTC = 08:00 in China. */
export const T0 = Date.UTC(2025, 5, 1, 0, 0, 0)
