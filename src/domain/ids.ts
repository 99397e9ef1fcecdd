/**
 * Time-ordered ids that need no crypto API (weapp has no `crypto.getRandomValues`):
 * 9 chars of milliseconds in base 36 (sortable until the year 5188), a per-process counter
 * so ids made in the same millisecond stay ordered, and random characters so two devices
 * never collide in practice (36^10 ≈ 3.6e15 per millisecond and counter value).
 */
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

export interface IdSource {
  now: () => number
  random: () => number
}

export function createIdFactory(src: IdSource) {
  let lastMs = -1
  let counter = 0
  return function nextId(): string {
    const ms = src.now()
    if (ms === lastMs) counter++
    else {
      lastMs = ms
      counter = 0
    }
    let rand = ''
    for (let i = 0; i < 10; i++) rand += ALPHABET[Math.floor(src.random() * 36) % 36]
    return ms.toString(36).padStart(9, '0') + counter.toString(36).padStart(3, '0') + rand
  }
}

export const ID_PATTERN = /^[0-9a-z]{22}$/

/** The ms a time-ordered id was made at. */
export function idTime(id: string): number {
  return parseInt(id.slice(0, 9), 36)
}
