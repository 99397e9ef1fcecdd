import { patrolAlert } from '../../../../src/domain/patrol/alerts'

describe('patrolAlert', () => {
  it('nothing on a clean day', () => {
    expect(patrolAlert({ missed: 0, late: 0, suspicious: 0 })).toBeUndefined()
  })
  it('missed and late rounds; suspicious scans only when there are some', () => {
    expect(patrolAlert({ missed: 2, late: 0, suspicious: 0 })).toBe('巡更：今天漏巡 2 轮，迟到 0 轮')
    expect(patrolAlert({ missed: 0, late: 0, suspicious: 3 })).toBe(
      '巡更：今天漏巡 0 轮，迟到 0 轮，可疑打点 3 个'
    )
  })
})
