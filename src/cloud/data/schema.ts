/**
 * Collections and the indexes their queries need. Both adapters read this: SQLite creates
 * expression indexes, CloudBase creates collection indexes on first use.
 */
export const COLLECTIONS = {
  estates: { indexes: [] },
  gates: { indexes: [['estateId', 'name']] },
  rooms: { indexes: [['estateId', 'building', 'unit', 'no']] },
  staff: { indexes: [['openid'], ['phone'], ['estateIds'], ['demo']] },
  bindcodes: { indexes: [['staffId'], ['expiresAt']] },
  sessions: { indexes: [['staffId']] },
  shifts: { indexes: [['estateId', 'staffId', 'startedAt']] },
  scriptruns: { indexes: [['estateId', 'at'], ['staffId', 'at']] },
  scriptacks: { indexes: [['staffId']] },
  files: { indexes: [['estateId', 'at']] },
  visitors: { indexes: [['estateId', 'status', 'inAt'], ['estateId', 'inAt']] },
  passes: { indexes: [['estateId', 'code', 'status'], ['estateId', 'createdAt']] },
  vehiclevisits: { indexes: [['estateId', 'status', 'kind', 'inAt'], ['estateId', 'plate', 'status']] },
  ownervehicles: { indexes: [['estateId', 'active', 'plate']] },
  goodspasses: { indexes: [['estateId', 'code', 'status'], ['estateId', 'createdAt']] },
  goodschecks: { indexes: [['estateId', 'at']] },
  permits: { indexes: [['estateId', 'active', 'no']] },
  blocklist: { indexes: [['estateId', 'active']] },
  gateevents: { indexes: [['estateId', 'at'], ['estateId', 'event', 'at']] },
  checkpoints: { indexes: [['estateId', 'active', 'code'], ['estateId', 'nfcTagId']] },
  routes: { indexes: [['estateId', 'active']] },
  plans: { indexes: [['estateId', 'active']] },
  rounds: { indexes: [['estateId', 'slotStart'], ['estateId', 'planId', 'slotStart']] },
  scans: { indexes: [['roundId', 'deviceTime'], ['estateId', 'serverTime']] },
  incidents: { indexes: [['estateId', 'reportedAt'], ['estateId', 'status', 'reportedAt'], ['reporterId', 'reportedAt'], ['estateId', 'dueAt']] },
  tasks: { indexes: [['estateId', 'assigneeId', 'dueAt'], ['estateId', 'dept', 'status'], ['estateId', 'dueAt'], ['estateId', 'status', 'dueAt']] },
  tasktemplates: { indexes: [['estateId', 'active']] },
  inbox: { indexes: [['staffId', 'at']] },
  audit: { indexes: [['estateId', 'at'], ['docId']] },
  ops: { indexes: [['serverTime']] },
  meta: { indexes: [] }
} as const satisfies Record<string, { indexes: readonly (readonly string[])[] }>

export type CollectionName = keyof typeof COLLECTIONS
