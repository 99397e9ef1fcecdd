/**
 * How the area stores hand a record to the outbox, in the two ways they need it: queued and
 * sent in the background (a guard's or a patrol's record: the screen moves on at once, offline
 * too), or sent and waited for (a supervisor's form: the answer decides what the form shows).
 */
import { runInAction } from 'mobx'
import type { ActionName, InputOf } from '../domain/contract'
import { messageOf } from '../stores/api'
import type { EnqueueOpts, OutboxStore } from '../stores/outbox'

/** Queues the record and starts sending it: nothing, or why the phone refused it (in Chinese). */
export function queueAndSend<A extends ActionName>(
  outbox: OutboxStore,
  action: A,
  input: InputOf<A>,
  opts: EnqueueOpts
): string | undefined {
  try {
    outbox.enqueue(action, input, opts)
  } catch (e) {
    return messageOf(e)
  }
  void outbox.sync()
  return undefined
}

/** queueAndSend for a store that shows the phone's refusal as its `error` (cleared once queued): true when queued. */
export function queueShowing<A extends ActionName>(
  form: { error: string },
  outbox: OutboxStore,
  action: A,
  input: InputOf<A>,
  opts: EnqueueOpts
): boolean {
  const refused = queueAndSend(outbox, action, input, opts)
  form.error = refused ?? ''
  return refused === undefined
}

/**
 * Sends a form's record and waits for the answer; once the record is queued, `reload` runs
 * (the lists show what was saved, or what is waiting). The form's `error` is cleared first and,
 * after the reload, holds why it was refused: by the phone (nothing queued, nothing reloaded) or
 * by the server (the entry stays in the queue). True when it was not refused.
 */
export async function submitAndReload<A extends ActionName>(
  form: { error: string },
  outbox: OutboxStore,
  action: A,
  input: InputOf<A>,
  opts: EnqueueOpts,
  reload: () => Promise<void>
): Promise<boolean> {
  runInAction(() => (form.error = ''))
  const r = await outbox.submit(action, input, opts)
  if (r.status !== 'refused' || r.opId) await reload()
  // after the reload, which clears the error: the refusal stays on screen
  if (r.status === 'refused') runInAction(() => (form.error = r.message))
  return r.status !== 'refused'
}
