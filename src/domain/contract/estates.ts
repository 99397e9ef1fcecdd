/**
 * Company set-up: estates (admins create them; managers edit their own), each estate's gates
 * and posts (岗亭), and its rooms, imported from the company's spreadsheet (.xlsx or .csv) with
 * a preview first. Loaded by the admin subpackage (src/pages/admin) with `loadActions`.
 */
import * as v from 'valibot'
import { MANAGER_ROLES } from '../roles'
import type { Estate, EstateSettings, Gate } from '../entities'
import { MAX_IMPORT_BYTES } from '../estates/rooms'
import { action, defineActions, id, optText, placePosition, text } from './define'

export interface EstateItem extends Pick<Estate, 'name' | 'company' | 'address' | 'settings'> {
  id: string
  timeZone: string
}
export interface GateItem extends Pick<Gate, 'name'> {
  id: string
  kind: 'gate' | 'post'
  /** attendance: where a clock-in counts as at this place, and its Wi-Fi (BSSIDs) */
  position?: { lat: number; lng: number; radiusM: number }
  wifi?: string[]
}
export interface EstateDetail {
  estate: EstateItem
  /** active gates and posts, gates first, by name */
  gates: GateItem[]
  rooms: number
}
export interface RoomItem {
  id: string
  building: string
  unit: string
  no: string
  /** 1-1-101 */
  label: string
  ownerName?: string
  /** masked: 138****5678 */
  ownerPhone?: string
}
export interface RoomsPage {
  items: RoomItem[]
  next?: string
}
export interface ImportRowOut {
  row: number
  label: string
  ownerName?: string
  /** masked */
  ownerPhone?: string
  change: 'new' | 'updated' | 'unchanged'
}
export interface ImportPreview {
  /** rows read (without the header and blank rows) */
  total: number
  counts: { new: number; updated: number; unchanged: number; errors: number }
  /** the first rows as they will be stored (at most 100) */
  rows: ImportRowOut[]
  /** every bad row (at most 500 listed), with its row number in the sheet and why */
  errors: { row: number; reason: string }[]
}
export interface ImportCommitOut {
  created: number
  updated: number
  unchanged: number
  /** bad rows skipped */
  errors: number
  /** rooms still to write: call again with the same file (each call writes at most IMPORT_BATCH) */
  remaining: number
}

const minutes = (max: number) =>
  v.pipe(v.number(), v.integer('请填写整数'), v.minValue(1, '至少1分钟'), v.maxValue(max, `最多${max}分钟`))

const settingsSchema = v.strictObject({
  overstayHours: v.pipe(
    v.number(),
    v.integer('请填写整数'),
    v.minValue(1, '滞留提醒至少1小时'),
    v.maxValue(72, '滞留提醒最多72小时')
  ),
  responseMinutes: v.optional(
    v.strictObject({
      low: v.optional(minutes(30 * 24 * 60)),
      normal: v.optional(minutes(30 * 24 * 60)),
      high: v.optional(minutes(30 * 24 * 60)),
      urgent: v.optional(minutes(30 * 24 * 60))
    })
  ),
  patrol: v.optional(
    v.strictObject({
      everyMinutes: v.pipe(minutes(24 * 60), v.minValue(15, '两轮至少间隔15分钟')),
      minMinutes: minutes(24 * 60),
      maxMinutes: minutes(24 * 60)
    })
  ),
  reportHour: v.optional(
    v.pipe(v.number(), v.integer('请填写整数'), v.minValue(0), v.maxValue(23, '0到23点'))
  ),
  safety: v.optional(
    v.strictObject({
      checkInMinutes: v.pipe(
        v.number(),
        v.integer('请填写整数'),
        v.minValue(0),
        v.maxValue(240, '最多240分钟')
      ),
      graceMinutes: v.pipe(v.number(), v.integer('请填写整数'), v.minValue(0), v.maxValue(60, '最多60分钟'))
    })
  )
}) satisfies v.GenericSchema<unknown, EstateSettings>

const timeZone = v.optional(
  v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z]+(\/[A-Za-z_+-]+){1,2}$/, '时区格式应为 Asia/Shanghai'))
)

const estateFields = {
  name: text(30),
  company: text(40),
  address: optText(80),
  timeZone,
  settings: v.optional(settingsSchema)
}

/** The file itself, base64: CloudBase's callFunction advises at most 256 KB of data. */
const fileSchema = v.strictObject({
  name: v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, '缺少文件名'),
    v.maxLength(120),
    v.regex(/\.(xlsx|csv|txt|xls)$/i, '只能导入 .xlsx 或 .csv 文件')
  ),
  data: v.pipe(
    v.string(),
    v.minLength(4, '文件是空的'),
    v.maxLength(
      Math.ceil(MAX_IMPORT_BYTES / 3) * 4,
      `文件太大（最大${MAX_IMPORT_BYTES / 1024}KB），请按楼栋分成几个文件导入`
    ),
    v.regex(/^[A-Za-z0-9+/]+={0,2}$/, '文件内容不完整，请重新选择文件')
  )
})

export const ESTATES_ACTIONS = defineActions({
  'estates.list': action<EstateItem[]>()({
    fn: 'admin',
    input: v.strictObject({}),
    access: MANAGER_ROLES,
    scope: 'none',
    write: false,
    summary: '小区列表：管理员看全部，主管看自己任职的小区'
  }),
  'estates.create': action<EstateItem>()({
    fn: 'admin',
    input: v.strictObject({ id: id(), ...estateFields }),
    access: ['admin'],
    scope: 'none',
    write: true,
    summary: '新建小区（创建的管理员随即任职于它）'
  }),
  'estates.update': action<EstateItem>()({
    fn: 'admin',
    input: v.strictObject({
      name: v.optional(text(30)),
      company: v.optional(text(40)),
      address: optText(80),
      timeZone,
      settings: v.optional(settingsSchema)
    }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '修改小区名称、地址、公司、时区和设置'
  }),
  'estates.detail': action<EstateDetail>()({
    fn: 'admin',
    input: v.strictObject({}),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: false,
    summary: '小区的设置、大门和岗亭、房间数'
  }),
  'estates.gateSave': action<GateItem>()({
    fn: 'admin',
    input: v.strictObject({
      id: id(),
      name: text(16),
      kind: v.picklist(['gate', 'post'] as const, '请选择大门或岗亭'),
      // attendance: the place's position and radius (null: none), its Wi-Fi BSSIDs ([]: none); omitted: unchanged
      position: v.optional(v.nullable(placePosition())),
      wifi: v.optional(
        v.pipe(
          v.array(
            v.pipe(
              v.string(),
              v.regex(/^[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}$/, 'Wi-Fi 的 BSSID 格式不正确')
            )
          ),
          v.maxLength(5, '最多5个 Wi-Fi')
        )
      )
    }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '新增或修改大门、岗亭'
  }),
  'estates.gateRemove': action<{ removed: true }>()({
    fn: 'admin',
    input: v.strictObject({ id: id() }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '停用大门、岗亭'
  }),
  'rooms.list': action<RoomsPage>()({
    fn: 'staff',
    input: v.strictObject({
      building: v.optional(text(16)),
      unit: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(16))),
      after: v.optional(v.pipe(v.string(), v.maxLength(500)))
    }),
    access: 'any',
    scope: 'estate',
    write: false,
    summary: '小区的房间（按楼栋、单元），业主电话打码'
  }),
  'rooms.importPreview': action<ImportPreview>()({
    fn: 'admin',
    input: v.strictObject({ file: fileSchema }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: false,
    summary: '导入房间前预览：逐行检查，统计新增、更新、不变，不保存'
  }),
  'rooms.importCommit': action<ImportCommitOut>()({
    fn: 'admin',
    input: v.strictObject({ file: fileSchema }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '确认导入房间：按 楼栋+单元+房号 新增或更新，重复导入不会重复'
  })
})
