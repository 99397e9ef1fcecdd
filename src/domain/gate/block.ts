/**
 * Block list matching, shared by the guard's phone (against the cached list, offline) and
 * the server (against the full list, at check-in). A match warns; it never blocks by itself:
 * the guard decides, and the record keeps which entry matched.
 */
import { normalizePlate } from './plates'

export interface BlockCandidate {
  name?: string
  /** whole phone on the server; on the phone, what the guard typed */
  phone?: string
  idLast4?: string
  /** the hash in the same form as the entries' (device hash on the phone, peppered on the server) */
  idHash?: string
  plate?: string
}

export interface BlockRule {
  id: string
  kind: 'person' | 'plate'
  name?: string
  /** whole or masked (138****5678): a masked phone matches on its visible digits */
  phone?: string
  idLast4?: string
  idHash?: string
  plate?: string
  reason: string
}

export interface BlockMatch {
  entryId: string
  kind: 'person' | 'plate'
  matchedBy: string
  reason: string
}

function phoneMatches(rule: string, phone: string): boolean {
  const a = rule.replace(/\s+/g, '')
  const b = phone.replace(/\s+/g, '')
  if (a.length !== b.length || !b) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== '*' && a[i] !== b[i]) return false
  return true
}

/** Every entry the candidate matches, strongest evidence first. */
export function blockMatches(rules: readonly BlockRule[], c: BlockCandidate): BlockMatch[] {
  const out: BlockMatch[] = []
  const plate = c.plate ? normalizePlate(c.plate) : ''
  const name = (c.name ?? '').trim()
  const last4 = (c.idLast4 ?? '').toUpperCase()
  for (const r of rules) {
    let by: string | undefined
    if (r.kind === 'plate') {
      if (plate && r.plate && normalizePlate(r.plate) === plate) by = '车牌'
    } else if (c.idHash && r.idHash && c.idHash === r.idHash) by = '证件号'
    else if (c.phone && r.phone && phoneMatches(r.phone, c.phone)) by = '手机号'
    else if (
      name &&
      r.name &&
      r.name.trim() === name &&
      (!r.idLast4 || (last4 && r.idLast4.toUpperCase() === last4))
    )
      by = r.idLast4 ? '姓名和证件后四位' : '姓名'
    if (by) out.push({ entryId: r.id, kind: r.kind, matchedBy: by, reason: r.reason })
  }
  const rank = ['证件号', '车牌', '手机号', '姓名和证件后四位', '姓名']
  return out.sort((a, b) => rank.indexOf(a.matchedBy) - rank.indexOf(b.matchedBy))
}
