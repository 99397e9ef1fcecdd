/**
 * The server kit: what every area (`src/cloud/<area>/`) builds its handlers on.
 *
 * - `defineHandlers({ 'staff.create': async (input, ctx) => … })`: an area's `index.ts`, one
 *   line per action, input and output typed by the contract (`src/domain/contract`).
 *   `mergeHandlers(...)` makes the registry (`src/cloud/handlers/index.ts`) from the areas'.
 * - `Repo`: the base of an area's `repo.ts`. Pick collections with `coll<Staff>('staff')`;
 *   `get`, `insert`, `update`/`tryUpdate` go through `ctx.db` (the transaction of a write),
 *   `find`, `first`, `all`, `allIn`, `count` through `ctx.store`. It sets `createdAt` and
 *   `updatedAt` (the port sets `_v`), passes the read copy to `update` (no read back), pages
 *   (`all` follows `next` cursors, `allIn` splits a list of ids into `in` queries of 100), and
 *   keeps estates apart: `getInEstate(coll, id, message)` answers NOT_FOUND for a missing
 *   document and for another estate's alike, `saveInEstate` is the save of a supervisor's form,
 *   `deactivateInEstate` the soft removal (the transaction port has no delete). `transaction`
 *   runs a function in a transaction of its own with a repository over it (sign-in, binding).
 *   Area repos extend `Repo` with named queries (`new StaffRepo(ctx).ofEstate(id)`).
 * - `inEstate(doc, estateId)` for documents read another way (several at once).
 * - `badInput(field, message)`, `check(problem)` (a domain rule's `{ field, message }`) and
 *   `eventTime(ctx)` (the phone's time of a record, unless its clock is off).
 */
export {
  coll,
  inEstate,
  IN_CHUNK,
  Repo,
  type AllOptions,
  type Coll,
  type D,
  type New,
  type Patch,
  type Stored
} from './repo'
export { defineHandlers, mergeHandlers, type Handler, type HandlerMap } from './handlers'
export { badInput, check, eventTime, timed, timeFlagOf } from './input'
