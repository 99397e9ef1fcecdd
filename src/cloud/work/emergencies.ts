/** Emergencies nobody has taken yet, for the home page's red banner (read with home.today). */
import type { Role } from '../../domain/roles'
import { emergencyBanners, watchesEmergencies, type EmergencyBanner } from '../../domain/work/emergency'
import type { Ctx } from '../context'
import { WorkRepo } from './repo'

/**
 * The caller's emergency banners: the estate's untaken emergencies of the departments they see
 * (managers: all), oldest first. Nothing is read for anyone else.
 */
export async function emergenciesFor(
  ctx: Ctx,
  estateId: string,
  roles: readonly Role[]
): Promise<EmergencyBanner[] | undefined> {
  if (!watchesEmergencies(roles)) return undefined
  const waiting = await new WorkRepo(ctx).emergenciesWaiting(estateId)
  return emergencyBanners(waiting, roles, ctx.now)
}
