import type { AuditRecord } from '../../domain/entities'
import type { DataPort } from '../data/port'
import type { Ctx, Nudge } from '../context'
import type { Work } from './idempotency'

type AuditDoc = AuditRecord & { [k: string]: unknown }

/** The messages the attempt that ran last queued; sent only if it committed. */
export interface Outbox {
  nudges: Nudge[]
}

/**
 * A handler bound to its checked request: each run builds the handler's context on a
 * database (the transaction for writes) and starts a fresh queue of subscribe messages and
 * audit records, so a retried transaction sends and records only the attempt that commits.
 */
export function bindHandler(
  handler: (input: unknown, ctx: Ctx) => Promise<unknown>,
  input: unknown,
  base: Omit<Ctx, 'db' | 'audit' | 'nudge'>,
  outbox: Outbox
): Work {
  const { now, caller, identity, newId, action, estateId, op } = base
  let audits: Omit<AuditDoc, '_v'>[] = []
  return {
    run(db: DataPort) {
      const nudges: Nudge[] = []
      outbox.nudges = nudges
      audits = []
      const ctx: Ctx = {
        ...base,
        db,
        nudge: (n) => {
          nudges.push(n)
        },
        audit: async (coll, docId) => {
          const actor = caller?.staff
          audits.push({
            _id: newId(),
            createdAt: now,
            updatedAt: now,
            at: now,
            actorId: actor?._id ?? (identity.kind === 'timer' ? 'system' : 'anonymous'),
            actorName: actor?.name ?? (identity.kind === 'timer' ? '系统' : '未登录'),
            action,
            coll,
            docId,
            estateId,
            opId: op?.id
          })
        }
      }
      return handler(input, ctx)
    },
    // Audit records are written together at the end (with the op record, in the same transaction).
    audits: (db: DataPort) => audits.map((a) => db.insert<AuditDoc>('audit', a, { fresh: true }))
  }
}
