import { postsFor } from '../../../../src/domain/areas'
import { ROLE_LABELS } from '../../../../src/domain/roles'

describe('where a guard clocks in', () => {
  it('gates as 东门岗, posts by their own name', () => {
    expect(postsFor(['guard'], ['东门', '地库岗亭', '监控室', '北门岗'], ROLE_LABELS)).toEqual([
      '东门岗',
      '地库岗亭',
      '监控室',
      '北门岗'
    ])
  })
})
