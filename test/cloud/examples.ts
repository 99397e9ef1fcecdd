import type { ActionName } from '../../src/domain/contract'
import type { Harness } from './harness'
import { T0 } from './harness'
import { outcome, requireScript, walk } from '../../src/domain/scripts'
import { localDate } from '../../src/domain/time'

/** A finished run of the visitor script, case B (an owner's guest, admitted). */
export function visitorRunB(id: string, at = T0) {
  const script = requireScript('gate.visitor')
  const state = walk(script, ['B 访客找业主', '已约好', '业主同意', '已登记、发来访卡'], at, {
    room: '1-1-101'
  })
  const o = outcome(script, state, at + 60_000)
  return {
    id,
    scriptId: o.scriptId,
    version: o.version,
    path: o.path,
    answers: o.answers,
    outcome: o.kind,
    startedAt: o.startedAt,
    finishedAt: o.finishedAt,
    durationMs: o.durationMs
  }
}

/** A two-room CSV (UTF-8) for the room import actions. */
const EXAMPLE_ROOMS_CSV = {
  name: 'rooms.csv',
  data: Buffer.from('楼栋,单元,房号\n9,1,901\n9,1,902\n', 'utf8').toString('base64')
}

/**
 * A valid input for every action, typed over the contract: adding an action without an
 * example here fails the typecheck, so the matrix and bad-input suites always cover it.
 */
let seq = 0

export const EXAMPLES: {
  [A in ActionName]: (h: Harness) => Promise<Record<string, unknown>> | Record<string, unknown>
} = {
  'auth.demoAccounts': () => ({}),
  'auth.demoLogin': () => ({ staffId: 'demo-guard' }),
  'auth.wxLogin': () => ({}),
  'auth.bind': () => ({ code: 'ABCDEFGH' }),
  'auth.setup': () => ({
    setupToken: 'no-such-token',
    company: '利海物业',
    estateName: '新小区',
    adminName: '管理员',
    adminPhone: '13912345670'
  }),
  'auth.codeLogin': () => ({ code: 'ABCDEFGH', device: 'Mozilla/5.0 (Linux; Android 14) Chrome/120' }),
  'auth.logout': () => ({}),
  'me.profile': () => ({}),
  'me.sessions': () => ({}),
  'home.today': () => ({}),
  'shift.start': () => ({ id: `shift-${++seq}`, post: '东门岗' }),
  'shift.end': () => ({ shiftId: 'no-such-shift' }),
  'staff.list': () => ({}),
  'staff.create': () => ({ name: '新员工', phone: '13912345678', roles: ['cleaner'] }),
  // a person of their own: a re-issue ends the person's binding
  'staff.bindCode': async (h) => ({ staffId: (await h.addStaff(`reissue-${++seq}`, ['cleaner']))._id }),
  'staff.update': () => ({ staffId: 'demo-cleaner', name: '赵洁' }),
  'staff.disable': () => ({ staffId: 'no-such-staff' }),
  'staff.sessions': () => ({ staffId: 'demo-cleaner' }),
  'staff.revokeSession': () => ({ staffId: 'demo-cleaner', sessionId: 'no-such-session' }),
  'scripts.recordRun': () => visitorRunB(`run-${++seq}`),
  'scripts.ack': () => ({ scriptId: 'gate.visitor', version: requireScript('gate.visitor').version }),
  'scripts.myAcks': () => ({}),
  'scripts.ackStatus': () => ({}),
  'scripts.runs': () => ({}),
  'files.register': () => ({
    id: `photo-${++seq}-abcdefgh`,
    fileId: 'local:abc',
    takenAt: 1_700_000_000_000
  }),
  // the harness has no cloud environment unless asked: refused there (INVALID_INPUT), never denied
  'files.reserve': () => ({ id: `photo-${++seq}-abcdefgh`, size: 200_000 }),
  'gate.refs': () => ({}),
  'gate.board': () => ({}),
  'gate.blockCheck': () => ({ name: '刘某', phone: '13700001111' }),
  'gate.checkIn': () => ({
    id: `vis-${++seq}`,
    gate: '东门',
    source: 'walkin',
    case: 'ownerGuest',
    name: '王小明',
    phone: '13912345678',
    idDoc: { type: 'idcard', last4: '002X', hash: 'a'.repeat(64) },
    idDeposited: true,
    cardNo: 'F-01',
    people: 1,
    room: '1-1-101',
    result: 'admitted'
  }),
  'gate.checkOut': () => ({
    visitorId: 'no-such-visitor',
    gate: '东门',
    idReturned: true,
    cardCollected: true
  }),
  'gate.visitor': () => ({ visitorId: 'no-such-visitor' }),
  'gate.passCheck': () => ({ code: '123456' }),
  'gate.vehicleIn': () => ({
    id: `car-${++seq}`,
    gate: '东门',
    plate: '粤B12345',
    case: 'owner',
    idDeposited: false,
    result: 'admitted'
  }),
  'gate.vehicleOut': () => ({ id: `carout-${++seq}`, gate: '东门', plate: '粤B12345' }),
  'gate.goodsSlipCheck': () => ({ code: '123456' }),
  'gate.goodsCheck': () => ({
    id: `goods-${++seq}`,
    gate: '东门',
    items: [{ name: '旧沙发', qty: 1 }],
    lorry: false,
    signatureOk: false,
    stampOk: false,
    authorityOk: false,
    itemsMatch: false,
    photoIds: [],
    result: 'refused',
    reason: '没有放行条'
  }),
  'gate.passCreate': () => ({
    id: `pass-${++seq}`,
    visitorName: '赵六',
    room: '2-1-302',
    people: 1,
    validFrom: T0,
    validTo: T0 + 8 * 3600_000
  }),
  'gate.passRevoke': () => ({ passId: 'no-such-pass' }),
  'gate.passes': () => ({}),
  'gate.goodsIssue': () => ({
    id: `gp-${++seq}`,
    holderKind: 'owner',
    holderName: '陈先生',
    room: '1-1-101',
    items: [{ name: '旧沙发', qty: 1 }],
    signer: '陈先生',
    date: localDate(T0)
  }),
  'gate.goodsRevoke': () => ({ passId: 'no-such-pass' }),
  'gate.goodsSlips': () => ({}),
  'gate.blockSave': () => ({ id: `block-${++seq}`, kind: 'plate', plate: '粤A88888', reason: '欠费车辆' }),
  'gate.blockRemove': () => ({ entryId: 'no-such-entry' }),
  'gate.ownerVehicleSave': () => ({ id: `ov-${++seq}`, plate: `粤C${20000 + seq}`, room: '3-1-101' }),
  'gate.ownerVehicleRemove': () => ({ vehicleId: 'no-such-vehicle' }),
  'gate.permitSave': () => ({
    id: `permit-${++seq}`,
    no: `SG${100000 + seq}`,
    holderName: '陈师傅',
    idLast4: '1234',
    company: '美居装饰',
    room: '3-2-501',
    validFrom: T0,
    validTo: T0 + 30 * 86_400_000
  }),
  'gate.permitRemove': () => ({ permitId: 'no-such-permit' }),
  'gate.dayLog': () => ({ date: localDate(T0) }),
  'gate.dayLogCsv': () => ({ date: localDate(T0) }),
  'gate.ownerPhone': () => ({ room: '1-1-101' }),
  'gate.visitorRecall': () => ({ phone: '13800001234' }),
  'gate.lockouts': () => ({}),
  'gate.lockoutLift': () => ({ lockoutId: 'pass:person:no-such-person' }),
  'patrol.refs': () => ({}),
  'patrol.today': () => ({}),
  'patrol.start': () => ({
    id: `round-${++seq}`,
    planId: 'demo-plan-day',
    slotStart: T0 - (T0 % (2 * 3600_000))
  }),
  'patrol.scan': () => ({
    id: `scan-${++seq}`,
    roundId: 'no-such-round',
    method: 'typed',
    value: 'K2M3',
    answers: { normal: 'yes' }
  }),
  'patrol.end': () => ({ roundId: 'no-such-round' }),
  'patrol.checkpointSave': () => ({
    id: `cp-${++seq}`,
    name: '2栋大堂',
    questions: [{ key: 'ok', label: '是否正常', kind: 'yesno' }]
  }),
  'patrol.checkpointSunKey': () => ({
    id: 'demo-cp-1',
    sunMetaKey: '00112233445566778899AABBCCDDEEFF',
    sunFileKey: 'FFEEDDCCBBAA99887766554433221100'
  }),
  'patrol.routeSave': () => ({
    id: `route-${++seq}`,
    name: '短路线',
    checkpointIds: ['demo-cp-1', 'demo-cp-2'],
    ordered: false
  }),
  'patrol.planSave': () => ({
    id: `plan-${++seq}`,
    name: '夜巡',
    routeId: 'demo-route-1',
    days: [1, 2, 3],
    start: '20:00',
    end: '06:00',
    everyMinutes: 120,
    minMinutes: 10,
    maxMinutes: 60,
    roles: ['patrol']
  }),
  'patrol.planActive': () => ({ id: 'demo-plan-day', v: 1, active: false }),
  'patrol.checkpointRemove': () => ({ id: 'no-such-point' }),
  'patrol.qrSheet': () => ({}),
  'patrol.day': () => ({ date: localDate(T0) }),
  'patrol.round': () => ({ roundId: 'no-such-round' }),
  'patrol.week': () => ({ endDate: localDate(T0) }),
  'work.report': () => ({ id: `inc-${++seq}`, category: 'leak', place: '2栋1单元' }),
  'work.reportMore': () => ({ incidentId: 'no-such-incident', note: '水从天花板滴下' }),
  'work.myIncidents': () => ({}),
  'work.incident': () => ({ incidentId: 'no-such-incident' }),
  'work.tasks': () => ({}),
  'work.taskAct': () => ({ taskId: 'no-such-task', act: 'accept' }),
  'work.followUp': () => ({ incidentId: 'no-such-incident', satisfied: true }),
  'work.followUps': () => ({}),
  'work.ownerPhone': () => ({ incidentId: 'no-such-incident' }),
  'work.inbox': () => ({}),
  'work.inboxRead': () => ({ ids: ['no-such-item'] }),
  'work.taskCreate': () => ({
    id: `task-${++seq}`,
    title: '大堂保洁',
    type: 'cleaning',
    place: '1栋大堂',
    checklist: ['地面', '玻璃门'],
    dueAt: T0 + 3600_000,
    priority: 'normal',
    photoRequired: false,
    dept: 'cleaning'
  }),
  'work.taskReview': () => ({ taskId: 'no-such-task', act: 'close' }),
  'work.templateSave': () => ({
    id: `tpl-${++seq}`,
    title: '每日大堂保洁',
    type: 'cleaning',
    checklist: ['地面'],
    priority: 'normal',
    photoRequired: true,
    dept: 'cleaning',
    time: '08:00',
    days: [1, 2, 3, 4, 5],
    durationMinutes: 60
  }),
  'work.templates': () => ({}),
  'work.templateStop': () => ({ id: 'no-such-template' }),
  'work.board': () => ({}),
  'work.allTasks': () => ({}),
  'estates.list': () => ({}),
  'estates.create': () => ({ id: `estate-${++seq}`, name: '新建小区', company: '利海物业' }),
  'estates.update': () => ({ address: '深圳市南山区' }),
  'estates.detail': () => ({}),
  'estates.gateSave': () => ({ id: `gate-${++seq}`, name: `北门${++seq}`, kind: 'gate' }),
  'estates.gateRemove': () => ({ id: 'no-such-gate' }),
  'rooms.list': () => ({}),
  'rooms.importPreview': () => ({ file: EXAMPLE_ROOMS_CSV }),
  'rooms.importCommit': () => ({ file: EXAMPLE_ROOMS_CSV }),
  'handover.draft': () => ({ post: '东门岗' }),
  'handover.submit': () => ({
    id: `handover-${++seq}`,
    post: '东门岗',
    items: [{ key: 'visitors', count: 1, lines: ['王五（1-1-101）09:00进入'] }],
    note: '雨伞在岗亭'
  }),
  'handover.pending': () => ({ post: '东门岗' }),
  'handover.accept': () => ({ handoverId: 'no-such-handover', checks: [{ key: 'visitors', found: 1 }] }),
  'handover.day': () => ({ date: localDate(T0) }),
  'attendance.schedules': () => ({}),
  'attendance.scheduleSave': () => ({
    postId: 'demo-gate-1',
    slots: [{ id: 'day', days: [1, 2, 3, 4, 5], start: '08:00', end: '20:00', staffIds: ['demo-guard'] }],
    v: 0
  }),
  'attendance.day': () => ({ date: localDate(T0) }),
  'attendance.monthXlsx': () => ({ month: localDate(T0).slice(0, 7) }),
  'report.day': () => ({ date: localDate(T0 - 86_400_000) }),
  'report.comment': () => ({ date: localDate(T0 - 86_400_000), comment: '东门访客偏多，已加派一人' }),
  'report.compare': () => ({ date: localDate(T0 - 86_400_000) }),
  'report.trend': () => ({ days: 7 }),
  'report.xlsx': () => ({ date: localDate(T0 - 86_400_000) }),
  'cron.sweep': () => ({}),
  'safety.mine': () => ({}),
  'safety.checkIn': () => ({
    roundId: 'no-such-round',
    position: { lat: 22.54, lng: 114.05, accuracyM: 10 }
  }),
  'safety.panic': () => ({ id: `panic-${++seq}`, position: { lat: 22.54, lng: 114.05, accuracyM: 10 } }),
  'safety.alerts': () => ({}),
  'safety.ack': () => ({ alertId: 'no-such-alert', note: '已联系' }),
  'cron.safety': () => ({})
}
