/**
 * Stable error codes. The code is what clients and tests branch on; the message is what a
 * guard reads, so it says what to do next, in Chinese.
 */
export const ERROR_MESSAGES = {
  UNKNOWN_ACTION: '不支持的操作，请升级小程序后重试',
  INVALID_INPUT: '填写的内容有误，请检查后重试',
  UNAUTHENTICATED: '请先登录',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  NOT_BOUND: '这个微信还没有绑定员工账号，请向主管索取绑定码',
  FORBIDDEN: '您的岗位没有这项操作的权限',
  FORBIDDEN_ESTATE: '您不在这个小区任职，不能查看或操作它的数据',
  NOT_FOUND: '没有找到这条记录，可能已被删除',
  CONFLICT: '这条记录已被其他人修改，请刷新后再试',
  DUPLICATE: '这条记录已经存在',
  PASS_INVALID: '这张通行证或放行条现在不能使用',
  PERMIT_INVALID: '施工许可证无效，不能进场施工',
  ROOM_UNKNOWN: '本小区没有这个房号，请从房号按键中选择',
  BLOCK_LISTED: '黑名单上的人或车辆不能直接放行：请写明放行原因（报主管），或不放行',
  WRONG_POINT: '这个巡更点不在本路线上',
  REPEAT_SCAN: '这个巡更点本轮已经打过了',
  BAD_QR: '二维码无效，请扫描本小区张贴的巡更点二维码',
  ROUND_CLOSED: '这一轮巡更已经结束',
  IDEMPOTENCY_MISMATCH: '同一编号的操作内容不一致，已拒绝',
  BIND_CODE_INVALID: '绑定码不正确，请核对后重试',
  BIND_CODE_USED: '绑定码已被使用，请向主管重新索取',
  BIND_CODE_EXPIRED: '绑定码已过期（有效期72小时），请向主管重新索取',
  ALREADY_BOUND: '这个微信已经绑定了员工账号',
  DEMO_DISABLED: '演示登录未开启',
  WX_LOGIN_FAILED: '微信登录失败，请稍后重试',
  STAFF_DISABLED: '该员工账号已停用，请联系主管',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  GUESS_LOCKED: '输错次数太多，已暂时锁定；请找主管解锁',
  STORAGE_FULL: '手机存储空间不足，这条记录没有保存；请联网上传已保存的记录后再试',
  NETWORK: '网络不可用，已保存在手机上，恢复网络后自动上传',
  INTERNAL: '系统繁忙，请稍后重试；如果一直失败请联系主管',
  SERVER_MISCONFIGURED: '服务器配置不完整，暂时无法使用；已保存的记录会在修复后上传，请联系管理员',
  SETUP_DISABLED: '首次部署设置未开启（云函数环境变量 SETUP_TOKEN 未设置）',
  SETUP_TOKEN_INVALID: '部署口令不正确',
  SETUP_DONE: '首次部署设置已经完成过了，请由管理员添加员工',
  PAYLOAD_TOO_LARGE: '上传的内容太大，请减少内容或分几次提交',
  UPLOAD_QUOTA: '今天上传的照片已达上限，请明天再传或联系主管',
  HEAVY_BUSY: '一次只能导出或查询一份大报表，请等这一份完成后再试',
  TAG_REPLAYED: '这个 NFC 标签的读数已经用过了，请重新贴近标签读一次',
  HOST_NOT_ALLOWED: '请用管理员给的地址打开岗位通'
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES

export interface ErrorDetail {
  /** dotted path of the offending field, e.g. `phone` or `roles.1` */
  field?: string
  message: string
}

export class AppError extends Error {
  readonly code: ErrorCode
  readonly details?: ErrorDetail[]
  constructor(code: ErrorCode, message?: string, details?: ErrorDetail[]) {
    super(message ?? ERROR_MESSAGES[code])
    this.name = 'AppError'
    this.code = code
    this.details = details
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (typeof e === 'object' && e !== null && (e as AppError).name === 'AppError')
}

export type Envelope<T> =
  | { ok: true; data: T; serverTime: number; replayed?: boolean }
  | { ok: false; code: ErrorCode; message: string; details?: ErrorDetail[]; serverTime?: number }

export function errorEnvelope(e: AppError, serverTime?: number): Envelope<never> {
  return { ok: false, code: e.code, message: e.message, details: e.details, serverTime }
}
