/** The company SOP documents the library is built from (shared/seeds), and small builders. */
import type { ScriptSource, Step } from '../model'

export const SEED = {
  /** 物业公司各部门礼仪礼貌服务规范 (客服部、安保部) */
  deptCourtesy: '000_86fd12d757344a0e.txt',
  /** 利海物业客户服务类一线员工岗位标准 (前台客服) */
  frontDesk: '001_9b9aab8319163036.txt',
  /** 小区物业部亲情服务操作规程 (合集：接待、回访、有偿服务、洗衣、投诉、通知、用语、清洁、绿化、工程、保安、万联恒德) */
  familyCare: '002_969eae32ae91c391.txt',
  /** 物业小区保安部亲情服务操作规程 */
  security: '003_50baafb6da81e47b.txt',
  /** 物业管理服务规范及客户接待流程 */
  reception: '004_1d0f416648c0bf8f.txt'
} as const

export type SeedFile = (typeof SEED)[keyof typeof SEED]

export const SEED_TITLES: Record<SeedFile, string> = {
  [SEED.deptCourtesy]: '物业公司各部门礼仪礼貌服务规范',
  [SEED.frontDesk]: '利海物业客户服务类一线员工岗位标准',
  [SEED.familyCare]: '小区物业部亲情服务操作规程',
  [SEED.security]: '物业小区保安部亲情服务操作规程',
  [SEED.reception]: '物业管理服务规范及客户接待流程'
}

export const SEED_FILES: readonly SeedFile[] = Object.values(SEED)

export function src(file: SeedFile, section: string): ScriptSource {
  return { file, section }
}

/**
 * Steps as a record keyed by id. A repeated id is a mistake in the library itself, so it throws
 * at load time (the validator also reports key/id mismatches for hand-written records).
 */
export function steps(...list: Step[]): Record<string, Step> {
  const out: Record<string, Step> = {}
  for (const s of list) {
    if (Object.prototype.hasOwnProperty.call(out, s.id)) throw new Error(`duplicate step id ${s.id}`)
    out[s.id] = s
  }
  return out
}

/** A terminal step. */
export function end(id: string, kind: string, label: string, more: Omit<Step, 'id' | 'outcome'> = {}): Step {
  return { id, title: more.title ?? label, ...more, outcome: { kind, label } }
}
