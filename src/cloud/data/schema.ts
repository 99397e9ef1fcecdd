/**
 * Collections and the indexes their queries need. SQLite creates them as expression
 * indexes; on CloudBase the cloud function creates the collections at cold start and the
 * indexes are made at deploy from the manifest `npm run build:cloud` writes
 * (dist/cloudfunctions/indexes.json; the SDK cannot create indexes).
 */
export const COLLECTIONS = {
  estates: { indexes: [] },
  gates: { indexes: [['estateId', 'name']] },
  rooms: { indexes: [['estateId', 'building', 'unit', 'no']] },
  staff: { indexes: [['openid'], ['phone'], ['estateIds'], ['demo']] },
  bindcodes: { indexes: [['staffId'], ['expiresAt']] },
  sessions: { indexes: [['staffId', 'createdAt']] },
  // a person's shifts; an estate's shifts of a day or month (attendance)
  shifts: {
    indexes: [
      ['estateId', 'staffId', 'startedAt'],
      ['estateId', 'startedAt']
    ]
  },
  // attendance schedules, one per post (id: the post's gate id)
  schedules: { indexes: [['estateId']] },
  scriptruns: {
    indexes: [
      ['estateId', 'at'],
      ['staffId', 'at']
    ]
  },
  scriptacks: { indexes: [['staffId']] },
  files: { indexes: [['estateId', 'at']] },
  // photo bytes as they arrive (uploader, size, registered yet): the daily quota and the sweep
  uploads: {
    indexes: [
      ['staffId', 'at'],
      ['registered', 'at']
    ]
  },
  // Gate records name who recorded them `by` / `byName` (`outBy` / `outByName` for an exit).
  // Records stored before that name carry guardId/guardName (visitors, vehiclevisits,
  // goodschecks, gateevents; outGuardId/outGuardName), createdBy/createdByName (passes),
  // issuedBy/issuedByName (goodspasses) or addedBy/addedByName (blocklist): an env holding such
  // records needs those fields renamed once before this version serves it.
  visitors: {
    indexes: [
      ['estateId', 'status', 'inAt'],
      ['estateId', 'inAt'],
      // a returning visitor recognised by phone (gate.visitorRecall)
      ['estateId', 'phone', 'inAt']
    ]
  },
  passes: {
    indexes: [
      ['estateId', 'code', 'status'],
      ['estateId', 'createdAt']
    ]
  },
  vehiclevisits: {
    indexes: [
      ['estateId', 'status', 'kind', 'inAt'],
      ['estateId', 'plate', 'status'],
      // a day's cars for the daily report
      ['estateId', 'inAt']
    ]
  },
  ownervehicles: { indexes: [['estateId', 'active', 'plate']] },
  // goods release slips (GoodsSlip): the collection keeps its first name, renaming it would
  // need a data migration on every deployed CloudBase env
  goodspasses: {
    indexes: [
      ['estateId', 'code', 'status'],
      ['estateId', 'createdAt']
    ]
  },
  goodschecks: { indexes: [['estateId', 'at']] },
  permits: { indexes: [['estateId', 'active', 'no']] },
  blocklist: { indexes: [['estateId', 'active']] },
  gateevents: {
    indexes: [
      ['estateId', 'at'],
      ['estateId', 'event', 'at']
    ]
  },
  checkpoints: {
    indexes: [
      ['estateId', 'active', 'code'],
      ['estateId', 'nfcTagId']
    ]
  },
  // NTAG 424 DNA SUN keys and the last read counter per checkpoint (server-side only)
  tagkeys: { indexes: [['estateId']] },
  routes: { indexes: [['estateId', 'active']] },
  plans: { indexes: [['estateId', 'active']] },
  rounds: {
    indexes: [
      ['estateId', 'slotStart'],
      ['estateId', 'planId', 'slotStart']
    ]
  },
  scans: {
    indexes: [
      ['roundId', 'deviceTime'],
      ['estateId', 'serverTime']
    ]
  },
  incidents: {
    indexes: [
      ['estateId', 'reportedAt'],
      ['estateId', 'status', 'reportedAt'],
      ['reporterId', 'reportedAt'],
      ['estateId', 'dueAt']
    ]
  },
  tasks: {
    indexes: [
      ['estateId', 'assigneeId', 'dueAt'],
      ['estateId', 'dept', 'status'],
      ['estateId', 'dueAt'],
      ['estateId', 'status', 'dueAt'],
      // tasks finished on a day (the daily report)
      ['estateId', 'completedAt']
    ]
  },
  tasktemplates: { indexes: [['estateId', 'active']] },
  // shift handovers: a post's open ones (the next guard's), a day's (the supervisor's)
  handovers: {
    indexes: [
      ['estateId', 'post', 'status', 'at'],
      ['estateId', 'status', 'at'],
      ['estateId', 'day', 'at']
    ]
  },
  // daily reports (日报), one per estate and day (id estate@day): an estate's days for the trend
  reports: { indexes: [['estateId', 'day']] },
  // lone-worker safety: a round's watch (the minute timer's due query across estates, a home
  // read's of one estate, the walker's own) and the alerts (open ones, the last day's)
  safetywatches: {
    indexes: [
      ['status', 'alertAt'],
      ['estateId', 'status', 'alertAt'],
      ['estateId', 'staffId', 'status', 'lastAt']
    ]
  },
  safetyalerts: {
    indexes: [
      ['estateId', 'status', 'at'],
      ['estateId', 'at']
    ]
  },
  inbox: { indexes: [['staffId', 'at']] },
  audit: { indexes: [['estateId', 'at'], ['docId']] },
  ops: { indexes: [['serverTime']] },
  // misses at guessing a code, one counter per key and window (domain/guard/limits.ts)
  guesses: { indexes: [['createdAt']] },
  // lockouts after too many misses: the supervisor's list of the estate
  lockouts: { indexes: [['estateId', 'until']] },
  /** `meta/setup`: the one-time setup, recorded once. */
  meta: { indexes: [] },
  /*
   * Unique keys as documents: a rule "only one" is one id, claimed inside the transaction,
   * so two concurrent calls cannot both win on either engine.
   * openids/<openid> → the staff bound to that WeChat; openshifts/<staffId>@<estateId> → the
   * open shift (shiftId null when none); roundslots/<planId>@<slotStart> → the round of a slot;
   * scanpoints/<roundId>@<checkpointId> → the one scan that counts for a point of a round.
   */
  openids: { indexes: [] },
  openshifts: { indexes: [] },
  roundslots: { indexes: [] },
  scanpoints: { indexes: [] }
} as const satisfies Record<string, { indexes: readonly (readonly string[])[] }>

export type CollectionName = keyof typeof COLLECTIONS
