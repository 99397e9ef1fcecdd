import { isAnomalyAnswer, pointAnswers, questionPrompt } from '../../../../src/domain/patrol/pointForm'
import type { Question } from '../../../../src/domain/patrol/model'

const fire: Question = { key: 'q1', label: '消防设施', kind: 'yesno' }
const door: Question = {
  key: 'q2',
  label: '消防门',
  kind: 'choice',
  options: ['关闭', '打开'],
  anomalyWhen: { equals: '打开' }
}
const water: Question = { key: 'q3', label: '水压', kind: 'number', anomalyWhen: { min: 0.2, max: 0.6 } }
const note: Question = { key: 'q4', label: '备注', kind: 'note' }

describe('pointAnswers', () => {
  it('untouched yes/no is yes, the rest as typed (blank when not)', () => {
    expect(pointAnswers([fire, door, water, note], {})).toEqual({ q1: 'yes', q2: '', q3: '', q4: '' })
    expect(pointAnswers([fire, door, water], { q1: 'no', q3: '0.4' })).toEqual({
      q1: 'no',
      q2: '',
      q3: '0.4'
    })
  })
})

describe('questionPrompt', () => {
  it('a reading shows its range, the rest their label', () => {
    expect(questionPrompt(water)).toBe('水压（正常 0.2–0.6）')
    expect(questionPrompt({ ...water, anomalyWhen: { min: 1 } })).toBe('水压（正常 1–）')
    expect(questionPrompt({ ...water, anomalyWhen: undefined })).toBe('水压')
    expect(questionPrompt(note)).toBe('备注')
  })
})

describe('isAnomalyAnswer', () => {
  it('no, the bad option, a reading out of range', () => {
    expect([isAnomalyAnswer(fire, 'no'), isAnomalyAnswer(fire, 'yes')]).toEqual([true, false])
    expect([isAnomalyAnswer(door, '打开'), isAnomalyAnswer(door, '关闭')]).toEqual([true, false])
    expect([isAnomalyAnswer(water, '0.7'), isAnomalyAnswer(water, '0.5')]).toEqual([true, false])
  })
  it('a yes/no question whose anomaly is "yes"', () => {
    const leak: Question = { key: 'q5', label: '有无漏水', kind: 'yesno', anomalyWhen: { equals: 'yes' } }
    expect([isAnomalyAnswer(leak, 'yes'), isAnomalyAnswer(leak, 'no')]).toEqual([true, false])
  })
})
