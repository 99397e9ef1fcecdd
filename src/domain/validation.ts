import * as v from 'valibot'
import { AppError, type ErrorDetail } from './errors'
import type { AnySchema } from './contract/define'

export const FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  phone: '手机号',
  roles: '岗位',
  staffId: '员工',
  code: '绑定码',
  post: '岗位点',
  shiftId: '班次',
  scriptId: '话术',
  version: '版本',
  path: '步骤',
  answers: '记录的内容',
  outcome: '结果',
  startedAt: '开始时间',
  finishedAt: '结束时间',
  durationMs: '用时'
}

function issueMessage(issue: v.BaseIssue<unknown>): string {
  switch (issue.kind === 'schema' ? issue.type : '') {
    case 'strict_object':
      return issue.received && issue.expected === 'never' ? '不认识的字段' : '应为对象'
    case 'object':
      return issue.received === 'undefined' ? '必填' : '应为对象'
    case 'string':
      return issue.received === 'undefined' ? '必填' : '应为文字'
    case 'number':
      return issue.received === 'undefined' ? '必填' : '应为数字'
    case 'boolean':
      return issue.received === 'undefined' ? '必填' : '应为是/否'
    case 'array':
      return issue.received === 'undefined' ? '必填' : '应为列表'
    case 'record':
      return issue.received === 'undefined' ? '必填' : '应为对象'
    case 'picklist':
      return '不在可选范围内'
  }
  return issue.message
}

/** Parse with the action's schema; every problem becomes one Chinese detail. */
export function parseInput<S extends AnySchema>(schema: S, input: unknown): v.InferOutput<S> {
  const r = v.safeParse(schema, input ?? {})
  if (r.success) return r.output
  const details: ErrorDetail[] = r.issues.map((issue) => {
    const path = (issue.path ?? []).map((p) => String((p as { key: unknown }).key)).join('.')
    const head = path.split('.')[0]
    const label = FIELD_LABELS[head] ?? path
    const msg = issueMessage(issue)
    return { field: path || undefined, message: label ? `${label}：${msg}` : msg }
  })
  throw new AppError('INVALID_INPUT', `填写的内容有误：${details.map((d) => d.message).join('；')}`, details)
}
