import { rootStore } from '../../stores'
import { StaffAdminStore } from '../../stores/staffAdmin'

/** The staff list and bind codes: only the supervisor's staff page uses it (not the main package). */
export const staffAdmin = new StaffAdminStore(() => rootStore.api)
