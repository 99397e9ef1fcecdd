import { defineHandlers } from '../kit'
import * as report from './report'

export { generateReports } from './generate'

/** The daily report (日报): a day, the comment, estates side by side, the trend, the .xlsx. */
export const REPORT_HANDLERS = defineHandlers({
  'report.day': report.day,
  'report.comment': report.comment,
  'report.compare': report.compare,
  'report.trend': report.trend,
  'report.xlsx': report.xlsx
})
