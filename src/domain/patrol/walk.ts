/**
 * Walking a round on the phone: which checkpoint a scan, a tag or a typed code names (the
 * phone's offline reference data; the server checks the same on its records and the QR's
 * signature), how far the round has got, and the lines of a round's card. Pure; tested in
 * test/unit/domain/patrol/walk.test.ts.
 */
import type { RoundCard } from '../contract/patrol'
import { localClock } from '../time'
import { sha256Hex } from '../sha256'
import { ROUND_STATUS_LABELS, type Checkpoint, type ScanMethod } from './model'
import { parseCheckpointQr } from './rules'

/** A code as printed on the checkpoint's plate: typed with spaces or in lower case, it is the same code. */
export function typedCode(raw: string): string {
  return raw.trim().toUpperCase()
}

/** Why no checkpoint is found for a typed code or an NFC tag (the server says the same). */
export function unknownPointMessage(method: 'typed' | 'nfc', value: string): string {
  return method === 'typed'
    ? `没有编号为 ${typedCode(value)} 的巡更点，请核对巡更点牌子上的编号`
    : '这个 NFC 标签没有登记为巡更点'
}

/**
 * An NFC tag id as a patrol phone knows it: hashed with the estate's salt, so the phones of the
 * estate can match a tag held to them without being given every tag's id.
 */
export function nfcTagHash(salt: string, tagId: string): string {
  return sha256Hex(`${salt}:${tagId.trim()}`).slice(0, 32)
}

/** The checkpoint a QR text, an NFC tag id or a typed code names among `points`, or why none does. */
export function pointFor<
  P extends { id: string; nfcTagHash?: string } & Pick<Checkpoint, 'code' | 'nfcTagId'>
>(
  points: readonly P[],
  method: ScanMethod,
  value: string,
  nfcSalt?: string
): { ok: true; point: P } | { ok: false; message: string } {
  if (method === 'qr') {
    const t = parseCheckpointQr(value)
    const point = t && points.find((c) => c.id === t.checkpointId)
    return point ? { ok: true, point } : { ok: false, message: '这不是本小区的巡更点二维码' }
  }
  const point =
    method === 'typed'
      ? points.find((c) => c.code === typedCode(value))
      : points.find(
          (c) =>
            (c.nfcTagId !== undefined && c.nfcTagId === value.trim()) ||
            (nfcSalt !== undefined &&
              c.nfcTagHash !== undefined &&
              c.nfcTagHash === nfcTagHash(nfcSalt, value))
        )
  return point ? { ok: true, point } : { ok: false, message: unknownPointMessage(method, value) }
}

/** How far a round has got: points done of the route's, in percent, how many are left, the next one. */
export function walkProgress(
  route: readonly string[],
  scanned: readonly string[]
): { done: number; total: number; percent: number; left: number; next: string | undefined } {
  const done = route.filter((id) => scanned.includes(id)).length
  return {
    done,
    total: route.length,
    percent: Math.round((done / Math.max(1, route.length)) * 100),
    left: route.length - done,
    next: route.find((id) => !scanned.includes(id))
  }
}

/** A route point's mark in the list: ✓ when scanned, else its number on an ordered route, else a dot. */
export function pointMark(scanned: boolean, ordered: boolean, index: number): string {
  return scanned ? '✓' : ordered ? String(index + 1) : '·'
}

/** A round's card on the walker's home: `全天巡逻 · 08:00–09:00` and `主路线 · 进行中 · 李巡`. */
export function roundCardLines(
  c: Pick<RoundCard, 'planName' | 'routeName' | 'slotStart' | 'slotEnd'> & { round?: { staffName?: string } },
  state: keyof typeof ROUND_STATUS_LABELS
): { title: string; detail: string } {
  return {
    title: `${c.planName} · ${localClock(c.slotStart)}–${localClock(c.slotEnd)}`,
    detail: `${c.routeName} · ${ROUND_STATUS_LABELS[state]}${c.round?.staffName ? ' · ' + c.round.staffName : ''}`
  }
}
