import * as v from 'valibot'
import { AppError, type ErrorDetail } from './errors'
import type { AnySchema } from './contract/define'

export const FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  phone: '手机号',
  roles: '岗位',
  staffId: '员工',
  code: '绑定码',
  device: '设备',
  estateIds: '任职小区',
  sessionId: '登录设备',
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
  blockOverride: '放行原因',
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
  lockoutId: '锁定记录',
  recallId: '老访客记录',
  ownerName: '车主',
  vehicleId: '业主车辆',
  by: '登记人',
  // sign-in, first setup, photos
  wxCode: '微信登录凭证',
  setupToken: '部署口令',
  estateName: '小区名称',
  estateAddress: '小区地址',
  adminName: '管理员姓名',
  adminPhone: '管理员手机号',
  fileId: '文件',
  takenAt: '拍摄时间',
  // work (报事与任务)
  category: '类别',
  severity: '紧急程度',
  place: '地点',
  checkpointId: '巡更点',
  position: '定位',
  ownerRoom: '业主房号',
  ownerPhone: '业主电话',
  incidentId: '报事',
  taskId: '任务',
  act: '操作',
  checklist: '检查项',
  satisfied: '是否满意',
  title: '标题',
  priority: '优先级',
  photoRequired: '要求拍照',
  assigneeId: '派给',
  dept: '部门',
  dueAt: '完成时间',
  time: '时间',
  days: '日期',
  durationMinutes: '时长',
  ids: '消息',
  // patrol (巡更)
  roundId: '轮次',
  alertId: '安全告警',
  planId: '巡更计划',
  slotStart: '轮次',
  method: '打点方式',
  value: '编号',
  routeId: '路线',
  checkpointIds: '巡更点',
  ordered: '按顺序',
  start: '开始时间',
  end: '结束时间',
  everyMinutes: '间隔',
  minMinutes: '最短用时',
  maxMinutes: '最长用时',
  questions: '问题',
  nfcTagId: 'NFC 标签',
  sunMetaKey: 'NFC 防伪标签密钥（Meta）',
  sunFileKey: 'NFC 防伪标签密钥（File）',
  sunOff: '关闭 NFC 防伪',
  building: '楼栋',
  unit: '单元',
  address: '地址',
  timeZone: '时区',
  settings: '小区设置',
  file: '文件',
  floor: '楼层',
  area: '区域',
  endDate: '日期',
  handoverId: '交班记录',
  where: '打卡位置',
  wifi: '岗位 Wi-Fi',
  postId: '岗位',
  slots: '班次',
  overrides: '临时调班',
  v: '版本',
  size: '照片大小',
  active: '启用',
  month: '月份',
  comment: '点评',
  reportHour: '日报时间',
  checks: '逐项核对'
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

interface SchemaShape {
  entries?: Record<string, unknown>
  wrapped?: unknown
  item?: unknown
}

/**
 * The dotted path of the first array given where the schema wants an object ('' for the whole
 * input), or undefined. Valibot's object schemas take an array as an object (`[]` as `{}`).
 */
export function arrayForObject(schema: unknown, value: unknown, path = ''): string | undefined {
  if (value === undefined || value === null || typeof value !== 'object') return undefined
  const s = schema as SchemaShape
  if (s.wrapped) return arrayForObject(s.wrapped, value, path)
  if (s.entries) {
    if (Array.isArray(value)) return path
    for (const k of Object.keys(s.entries))
      if (Object.prototype.hasOwnProperty.call(value, k)) {
        const at = arrayForObject(
          s.entries[k],
          (value as Record<string, unknown>)[k],
          path ? `${path}.${k}` : k
        )
        if (at !== undefined) return at
      }
    return undefined
  }
  if (s.item && Array.isArray(value))
    for (let i = 0; i < value.length; i++) {
      const at = arrayForObject(s.item, value[i], path ? `${path}.${i}` : String(i))
      if (at !== undefined) return at
    }
  return undefined
}

/** Parse with the action's schema; every problem becomes one Chinese detail. */
export function parseInput<S extends AnySchema>(schema: S, input: unknown): v.InferOutput<S> {
  const misplaced = arrayForObject(schema, input ?? {})
  if (misplaced !== undefined) {
    const label = misplaced ? (FIELD_LABELS[misplaced.split('.')[0]] ?? misplaced) : ''
    const message = label ? `${label}：应为对象` : '应为对象'
    throw new AppError('INVALID_INPUT', `填写的内容有误：${message}`, [
      { field: misplaced || undefined, message }
    ])
  }
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
