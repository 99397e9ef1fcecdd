/**
 * The guard's answers at a checkpoint: untouched yes/no questions count as normal, the box's
 * prompt shows a reading's normal range, a chip turns red when its answer is an anomaly.
 * Pure. Tested in test/unit/domain/patrol/pointForm.test.ts.
 */
import type { Question } from './model'
import { anomaliesOf } from './rules'

/** The answers to send: every yes/no question "yes" unless answered, the others as typed. */
export function pointAnswers(
  questions: readonly Pick<Question, 'key' | 'kind'>[],
  typed: Record<string, string>
): Record<string, string> {
  const normal = Object.fromEntries(
    questions.map((q) => [q.key, q.kind === 'yesno' ? 'yes' : (typed[q.key] ?? '')])
  )
  return { ...normal, ...typed }
}

/** The answer box's prompt: a reading shows its normal range (「水压（正常 0.2–0.6）」). */
export function questionPrompt(q: Pick<Question, 'label' | 'kind' | 'anomalyWhen'>): string {
  return q.kind === 'number' && q.anomalyWhen
    ? `${q.label}（正常 ${q.anomalyWhen.min ?? ''}–${q.anomalyWhen.max ?? ''}）`
    : q.label
}

/** Whether this answer to the question is an anomaly (the same rule as anomaliesOf). */
export function isAnomalyAnswer(q: Question, answer: string): boolean {
  return anomaliesOf([q], { [q.key]: answer }).length > 0
}
