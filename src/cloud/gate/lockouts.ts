/** The supervisor's list of lockouts after too many wrong codes, and lifting one (audited). */
import { AppError } from '../../domain/errors'
import type { LockoutOut } from '../../domain/contract'
import type { Lockout } from '../../domain/guard/entities'
import { ANY_ESTATE, lockActive } from '../../domain/guard/limits'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { coll, Repo } from '../kit'
import { clearMisses, LOCKOUTS as LOCKOUTS_NAME } from '../kit/guesses'

const LOCKOUTS = coll<Lockout>(LOCKOUTS_NAME)

function lockoutOut(l: Lockout): LockoutOut {
  return {
    id: l._id,
    kind: l.kind,
    scope: l.scope,
    staffName: l.staffName,
    misses: l.misses,
    lockedAt: l.lockedAt,
    until: l.until
  }
}

class LockoutRepo extends Repo {
  /** Lockouts of an estate still running (lifted ones drop out here). */
  async running(estateId: string): Promise<Lockout[]> {
    const items = await this.all(LOCKOUTS, {
      where: { estateId, until: { gt: this.now } },
      orderBy: [['until', 'desc']],
      pageSize: 200
    })
    return items.filter((l) => lockActive(l, this.now))
  }
}

/** An admin also sees the bind-code lockouts, which belong to no estate. */
function estatesSeen(ctx: Ctx): string[] {
  const estate = requireEstate(ctx)
  return requireCaller(ctx).staff.roles.includes('admin') ? [estate._id, ANY_ESTATE] : [estate._id]
}

export async function lockouts(_: Record<string, never>, ctx: Ctx): Promise<LockoutOut[]> {
  const repo = new LockoutRepo(ctx)
  const lists = await Promise.all(estatesSeen(ctx).map((e) => repo.running(e)))
  return lists.flat().map(lockoutOut)
}

export async function lockoutLift(input: { lockoutId: string }, ctx: Ctx): Promise<LockoutOut> {
  const { staff } = requireCaller(ctx)
  const repo = new LockoutRepo(ctx)
  const lock = await repo.get(LOCKOUTS, input.lockoutId)
  // another estate's lockout is "not there", as every record of another estate
  if (!lock || !estatesSeen(ctx).includes(lock.estateId) || !lockActive(lock, ctx.now))
    throw new AppError('NOT_FOUND', '没有这个锁定，可能已到期或已被解除')
  const lifted = await repo.update(
    LOCKOUTS,
    lock,
    { liftedAt: ctx.now, liftedBy: staff._id, liftedByName: staff.name },
    '这个锁定刚被解除'
  )
  // the misses that caused it start over, or the next wrong code would lock again at once
  await clearMisses(ctx.db, lock.kind, lock.scope, lock.key, ctx.now)
  await ctx.audit('lockouts', lock._id)
  return lockoutOut(lifted)
}
