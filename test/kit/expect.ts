/** Assertions shared by the per-action suites: refusals leave nothing behind; a replayed op is the same answer. */
import type { Harness } from '../cloud/harness'
import type { ActionName, InputOf, OutputOf } from '../../src/domain/contract'
import type { ErrorCode } from '../../src/domain/errors'
import type { CallOptions, Who } from './caller'

/** The counts that must not move; a wrong code's miss is counted by design (domain/guard/limits.ts). */
function stored(dump: Record<string, number>): Record<string, number> {
  const { c_guesses: _misses, ...rest } = dump
  void _misses
  return rest
}

/**
 * The call is refused with this stable code and a Chinese message (equal to `re` when a string,
 * matching it when a RegExp) and nothing at all was stored. Returns the message.
 */
export async function expectRefused<A extends ActionName>(
  h: Harness,
  who: Who,
  action: A,
  input: InputOf<A> | Record<string, unknown>,
  want: ErrorCode,
  re?: RegExp | string,
  opts?: CallOptions
): Promise<string> {
  const before = await h.dump()
  const e = await h.as(who).try(action, input, opts)
  const message = e.ok ? '' : e.message
  expect([action, e.ok ? 'OK' : e.code]).toEqual([action, want])
  expect(message).toMatch(/[\u4e00-\u9fa5]/)
  if (typeof re === 'string') expect(message).toBe(re)
  else if (re) expect(message).toMatch(re)
  expect(stored(await h.dump())).toEqual(stored(before))
  return message
}

/**
 * The phone did not hear back and sends the same operation again: the same answer, marked
 * replayed, and nothing more stored. Returns the answer.
 */
export async function expectReplay<A extends ActionName>(
  h: Harness,
  who: Who,
  action: A,
  input: InputOf<A>,
  opts: CallOptions = {}
): Promise<OutputOf<A>> {
  const op = opts.op ?? h.opSeq()
  const first = await h.as(who).call(action, input, { ...opts, op })
  const after = await h.dump()
  const again = await h.as(who).try(action, input, { ...opts, op })
  expect(again).toMatchObject({ ok: true, replayed: true })
  expect(again.ok && again.data).toEqual(first)
  expect(await h.dump()).toEqual(after)
  return first
}
