/**
 * The answers the gate's two scripts leave behind, by name: the gate pages turn them into the
 * check-in or the vehicle record (src/domain/gate/fromScript.ts). A key the script asks or sets
 * is listed here, and a key listed here is one the script uses (test/unit/scripts/gateKeys.test.ts),
 * so a misspelt key is a type error instead of a silently empty field.
 */
import type { Script } from './model'

export const GATE_VISITOR_KEYS = [
  'case',
  'appointment',
  'hostCall',
  'idDeposited',
  'cardIssued',
  'result',
  'reason',
  'room',
  'constructionKind',
  'permitValid'
] as const

export const GATE_VEHICLE_KEYS = [
  'vehicleCase',
  'direction',
  'plate',
  'driver',
  'passengers',
  'deliverTo',
  'appointment',
  'idDeposited',
  'icCardIssued',
  'result',
  'reason'
] as const

export type GateVisitorKey = (typeof GATE_VISITOR_KEYS)[number]
export type GateVehicleKey = (typeof GATE_VEHICLE_KEYS)[number]
/** A finished gate.visitor run's answers (RunState.answers fits). */
export type GateVisitorAnswers = Partial<Record<GateVisitorKey, string>>
/** A finished gate.vehicle run's answers (RunState.answers fits). */
export type GateVehicleAnswers = Partial<Record<GateVehicleKey, string>>

/** Every answer key a script asks for or sets on a branch, in step order. */
export function answerKeys(script: Script): string[] {
  const keys = new Set<string>()
  for (const step of Object.values(script.steps)) {
    if (step.ask) keys.add(step.ask.key)
    for (const b of step.branches ?? []) for (const k of Object.keys(b.set ?? {})) keys.add(k)
  }
  return [...keys]
}
