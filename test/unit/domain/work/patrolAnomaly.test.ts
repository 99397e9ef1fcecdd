/** A patrol anomaly goes to the department its question belongs to (issue 17), not 其他/客服部. */
import { anomalyLinesOf, anomalyRoute } from '../../../../src/domain/work/patrolAnomaly'

const route = (...lines: string[]) => {
  const r = anomalyRoute(lines)
  return [r.category.key, r.dept]
}

describe('anomalyRoute: the question’s topic decides the department', () => {
  it('the demo estate’s two questions go to 工程部', () => {
    expect(route('消防设施是否正常：否')).toEqual(['other', 'engineering'])
    // doors and windows first: 无异味 in the same label does not make it cleaning
    expect(route('是否正常（门窗、照明、无异味）：否')).toEqual(['door', 'engineering'])
  })
  it('each topic to its own category and department', () => {
    expect(route('地下室是否有渗水：否')).toEqual(['leak', 'engineering'])
    expect(route('电梯运行是否正常：否')).toEqual(['elevator', 'engineering'])
    expect(route('路灯是否亮：否')).toEqual(['light', 'engineering'])
    expect(route('垃圾桶周边是否干净：否')).toEqual(['rubbish', 'cleaning'])
    expect(route('消防通道是否畅通：否')).toEqual(['fireExit', 'security'])
    expect(route('消防车道是否被占用：是')).toEqual(['fireLane', 'security'])
    expect(route('有无可疑人员：有')).toEqual(['suspicious', 'security'])
    expect(route('配电房温度：45')).toEqual(['other', 'engineering'])
  })
  it('the first line that matches decides; nothing matched stays 其他 with 客服部', () => {
    expect(route('备注：看一下', '消防通道是否畅通：否', '路灯是否亮：否')).toEqual(['fireExit', 'security'])
    expect(route('巡查情况：不太对')).toEqual(['other', 'service'])
    expect(route()).toEqual(['other', 'service'])
  })
})

describe('anomalyLinesOf: the lines of the phone’s note', () => {
  it('splits 巡更发现：a；b and ignores other notes', () => {
    expect(anomalyLinesOf('巡更发现：路灯是否亮：否；消防通道是否畅通：否')).toEqual([
      '路灯是否亮：否',
      '消防通道是否畅通：否'
    ])
    expect(anomalyLinesOf('路灯坏了')).toEqual([])
    expect(anomalyLinesOf(undefined)).toEqual([])
  })
})
