/**
 * The gate scripts' answers become the record: what the guard tapped through gate.visitor or
 * gate.vehicle fills in the check-in, so nothing is asked twice.
 */
import type { VisitorCase, HostCall, VehicleCase } from './entities'
import { visitorCaseOf } from './entities'
import type { GateVehicleAnswers, GateVisitorAnswers } from '../scripts/gateKeys'

export interface VisitorFromScript {
  case: VisitorCase
  result: 'admitted' | 'refused' | 'redirected'
  reason?: string
  room?: string
  appointment?: 'yes' | 'no'
  hostCall?: HostCall
  idDeposited: boolean
  /** a visitor card (or temporary construction pass) was handed out: ask its number */
  cardIssued: boolean
  constructionKind?: 'temporary' | 'longTerm'
}

const yes = (v: string | undefined) => v === 'yes'

/** From the answers of a finished gate.visitor run. Throws if the run did not reach an end. */
export function visitorFromAnswers(a: GateVisitorAnswers): VisitorFromScript {
  // the script answers with the SOP's letter (A-E); the record carries the case's word
  const c = visitorCaseOf(a.case)
  if (!c) throw new Error('visitor script: no case answered')
  const result =
    a.result === 'admitted' || a.result === 'refused' || a.result === 'redirected' ? a.result : undefined
  if (!result) throw new Error('visitor script: not finished')
  const hostCall =
    a.hostCall === 'agreed' || a.hostCall === 'refused' || a.hostCall === 'noAnswer' ? a.hostCall : undefined
  return {
    case: c,
    result,
    reason: a.reason || undefined,
    room: a.room?.trim() || undefined,
    appointment: a.appointment === 'yes' || a.appointment === 'no' ? a.appointment : undefined,
    hostCall,
    idDeposited: yes(a.idDeposited),
    cardIssued: yes(a.cardIssued),
    constructionKind:
      a.constructionKind === 'temporary' || a.constructionKind === 'longTerm' ? a.constructionKind : undefined
  }
}

export interface VehicleFromScript {
  case: VehicleCase
  direction: 'in' | 'out'
  result: 'admitted' | 'refused' | 'redirected'
  reason?: string
  plate?: string
  driver?: string
  passengers?: string
  deliverTo?: string
  idDeposited: boolean
  icCardIssued: boolean
}

/** From the answers of a finished gate.vehicle run. */
export function vehicleFromAnswers(a: GateVehicleAnswers): VehicleFromScript {
  const map: Record<string, VehicleCase> = {
    owner: 'owner',
    business: 'business',
    viewing: 'viewing',
    delivery: 'delivery'
  }
  const c = map[a.vehicleCase ?? '']
  if (!c) throw new Error('vehicle script: no case answered')
  const result =
    a.result === 'admitted' || a.result === 'refused' || a.result === 'redirected' ? a.result : undefined
  if (!result) throw new Error('vehicle script: not finished')
  return {
    case: c,
    direction: a.direction === 'out' ? 'out' : 'in',
    result,
    reason: a.reason || undefined,
    plate: a.plate?.trim() || undefined,
    driver: a.driver?.trim() || undefined,
    passengers: a.passengers?.trim() || undefined,
    deliverTo: a.deliverTo?.trim() || undefined,
    idDeposited: yes(a.idDeposited),
    icCardIssued: yes(a.icCardIssued)
  }
}
