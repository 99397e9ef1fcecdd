/** The attendance subpackage's one place that makes its store, wired to the app's api and clock. */
import { rootStore } from '../../../stores'
import { AttendanceStore } from './attendance'

export const attendance = new AttendanceStore({
  api: () => rootStore.api,
  newId: rootStore.newId,
  now: rootStore.now
})

export const ATTENDANCE_URL = '/pages/attendance/index'
