import { useState } from 'react'
import type { Editing } from '../../../domain/patrol/setupForm'
import type { EditOutcome } from '../model/patrol'

/**
 * One form that makes a new thing or edits a stored one at its version (a route, a plan):
 * open fills it in, reset empties it, save checks it, sends it, and on a CONFLICT shows the
 * server's who-and-when and refills the form from the current version to redo the change on.
 */
export function useEditForm<F, T extends { id: string; v: number }>(o: {
  empty: () => F
  formOf: (x: T) => F
  problem: (f: F) => string | undefined
  send: (f: F, editing: Editing | undefined) => Promise<EditOutcome>
  current: (id: string) => T | undefined
  onOpen?: () => void
}) {
  const [f, setF] = useState<F>(o.empty)
  const [editing, setEditing] = useState<Editing | undefined>(undefined)
  const [why, setWhy] = useState('')
  const [busy, setBusy] = useState(false)
  const open = (x: T) => {
    setF(o.formOf(x))
    setEditing({ id: x.id, v: x.v })
    setWhy('')
    o.onOpen?.()
  }
  const reset = () => {
    setF(o.empty())
    setEditing(undefined)
    setWhy('')
  }
  const save = async () => {
    const problem = o.problem(f)
    if (problem) return setWhy(problem)
    setBusy(true)
    const out = await o.send(f, editing)
    setBusy(false)
    if (out.ok) return out.waiting ? (reset(), setWhy('已保存在手机上，联网后上传')) : reset()
    setWhy(out.message)
    // someone else saved it meanwhile: their version, for this person to redo the change on
    const now = out.conflict && editing ? o.current(editing.id) : undefined
    if (now) {
      setF(o.formOf(now))
      setEditing({ id: now.id, v: now.v })
    }
  }
  return { f, setF, editing, why, busy, open, reset, save }
}
