/**
 * The walk-in record: the visitor script's answers plus the few things the script does not ask
 * (name, phone, ID, card, people, plate, construction details), checked on the phone so a
 * record the server would refuse is not queued offline. Pure: the page passes what it holds.
 */
import type { GateRefs, InputOf } from '../contract'
import type { VisitorFromScript } from './fromScript'
import { idRef, type IdType } from './idcard'
import { permitProblem } from './machines'
import { plateProblem } from './plates'
import { ROOM_UNKNOWN_MESSAGE, typedRoom } from '../estates/roomPick'

export type WalkInInput = Omit<InputOf<'gate.checkIn'>, 'id' | 'gate'>

export interface WalkInForm {
  name: string
  phone: string
  idType: IdType
  idNo: string
  cardNo: string
  people: number
  byCar: boolean
  plate: string
  room: string
  company: string
  contact: string
  /** temporary construction pass, 1–3 days */
  days: number
  permitNo: string
  reason: string
}

/** The long-term permit the form names, from the cached refs (works offline). */
export function findPermit(refs: Pick<GateRefs, 'permits'> | undefined, no: string) {
  const n = no.trim().toUpperCase()
  return n ? refs?.permits.find((p) => p.no.toUpperCase() === n) : undefined
}

export function buildCheckIn(
  s: VisitorFromScript,
  f: WalkInForm,
  refs: Pick<GateRefs, 'idSalt' | 'permits'> | undefined,
  now: number,
  /** the estate's rooms on the phone (labels); empty: none imported, the room is as typed */
  rooms: ReadonlySet<string> = new Set()
): WalkInInput | { problem: string } {
  const admitted = s.result === 'admitted'
  const name = f.name.trim()
  if (!name) return { problem: '请填写来访人姓名（不知道可写“未留姓名”）' }
  let idDoc: WalkInInput['idDoc'] = { type: 'none', last4: '' }
  if (f.idType !== 'none') {
    if (!refs) return { problem: '手机上还没有门岗资料，请联网打开一次门岗页面' }
    const r = idRef(f.idType, f.idNo, refs.idSalt)
    if ('problem' in r) return { problem: r.problem }
    idDoc = r
  }
  const plate = f.byCar && f.plate ? f.plate : undefined
  if (plate) {
    const p = plateProblem(plate)
    if (p) return { problem: p }
  }
  const room = typedRoom(f.room) || undefined
  // the server refuses it too; a queued record would only come back refused
  if (admitted && room && rooms.size && !rooms.has(room)) return { problem: ROOM_UNKNOWN_MESSAGE }
  const reason = f.reason.trim() || undefined
  // a redirected viewer (to the clubhouse) needs no reason; a refused visitor does
  if (s.result === 'refused' && !reason) return { problem: '请写明未放行的原因' }

  let construction: WalkInInput['construction']
  if (s.case === 'construction' && s.constructionKind === 'temporary') {
    if (admitted && !(f.days >= 1 && f.days <= 3))
      return { problem: '临时施工证最长3天，超过3天请办理长期施工许可' }
    construction = {
      kind: 'temporary',
      days: admitted ? f.days : undefined,
      tempPassNo: f.cardNo.trim() || undefined
    }
  } else if (s.case === 'construction' && s.constructionKind === 'longTerm') {
    const no = f.permitNo.trim()
    if (admitted) {
      if (!no) return { problem: '长期施工：请填写施工许可证编号' }
      const permit = findPermit(refs, no)
      if (!permit) return { problem: `没有编号为 ${no} 的施工许可证，请核对或联系主管登记` }
      const p = permitProblem(permit, now)
      if (p) return { problem: `${p}（请点“返回上一步”，选“施工证过期或不是本人的证件”）` }
      if (idDoc.type !== 'none' && permit.idLast4 && idDoc.last4 !== permit.idLast4.toUpperCase())
        return { problem: `证件与施工证持证人 ${permit.holderName}（····${permit.idLast4}）不符` }
    }
    construction = { kind: 'longTerm', permitNo: no || undefined }
  }
  if (s.case === 'construction' && admitted && !construction)
    return { problem: '施工人员：请选择临时施工或长期施工' }

  return {
    source: 'walkin',
    case: s.case,
    name,
    phone: f.phone.trim() || undefined,
    idDoc,
    idDeposited: s.idDeposited,
    cardNo: f.cardNo.trim() || undefined,
    people: admitted ? Math.max(1, Math.min(50, Math.floor(f.people) || 1)) : 1,
    plate,
    room,
    company: f.company.trim() || undefined,
    contact: f.contact.trim() || undefined,
    appointment: s.appointment,
    hostCall: s.hostCall,
    construction,
    result: s.result,
    reason
  }
}
