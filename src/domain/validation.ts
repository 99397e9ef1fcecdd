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
  durationMs: '用时',
  id: '编号',
  note: '备注',
  date: '日期',
  kind: '类型',
  type: '类型',
  from: '开始时间',
  to: '结束时间',
  after: '翻页位置',
  // gate
  gate: '岗亭',
  scriptRunId: '话术记录',
  no: '许可证编号',
  permitId: '施工许可证',
  source: '来源',
  passId: '通行证',
  case: '类型',
  idDoc: '证件',
  idDeposited: '押证',
  cardNo: '来访卡号',
  people: '人数',
  plate: '车牌',
  room: '房号',
  company: '公司',
  contact: '联系人',
  appointment: '预约',
  hostCall: '联系业主',
  construction: '施工',
  result: '处理结果',
  reason: '原因',
  visitorId: '访客',
  idReturned: '退还证件',
  cardCollected: '收回来访卡',
  driver: '驾驶人',
  passengers: '乘车人',
  deliverTo: '送货到',
  icCardNo: '停车卡号',
  visitId: '入场记录',
  slipNo: '放行条编号',
  holderKind: '持条人类型',
  holderName: '持条人',
  items: '物品',
  lorry: '货车',
  lorryOpened: '货车开箱',
  signatureOk: '签名核对',
  stampOk: '印章核对',
  authorityOk: '签名人权限',
  itemsMatch: '物品核对',
  photoIds: '照片',
  visitorName: '访客姓名',
  visitorPhone: '访客手机号',
  validFrom: '开始时间',
  validTo: '结束时间',
  signer: '签名人',
  idLast4: '证件后四位',
  idHash: '证件摘要',
  entryId: '黑名单记录',
  ownerName: '车主',
  vehicleId: '业主车辆',
  guardId: '门岗'
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
