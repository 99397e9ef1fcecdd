/**
 * Benchmark: guessing a visitor pass code (issue 16.1). One guard calls gate.passCheck with
 * wrong codes through the full dispatcher on a file SQLite database, first as fast as the
 * server answers (one call at a time, then batches of 25), then for a simulated day (the
 * clock moves 10 s per call, so every reopening is found at once), alone and rotating ten
 * accounts. A guess counts when the server looked the code up (NOT_FOUND or a pass); a
 * GUESS_LOCKED answer tells nothing. Prints guesses per second and the days to try all 10^6.
 */
import { rmSync } from 'node:fs'
import { createRuntime } from '../../src/cloud/runtime'
import { DEMO_ESTATE_ID } from '../../src/cloud/seed'
import type { Envelope } from '../../src/domain/errors'
import { GUESS_LIMITS, GUESS_LOCK_MS, GUESS_WINDOW_MS } from '../../src/domain/guard/limits'
import { benchConfig, seededEstate } from './estate'

const CALLS = Number(process.env.BENCH_GUESS_CALLS ?? 2000)
const DAY = 86_400_000
const SPACE = 1_000_000

type Rt = ReturnType<typeof createRuntime>
const ask = (rt: Rt, who: string, code: string) =>
  rt.call(
    'staff',
    { action: 'gate.passCheck', input: { code }, estateId: DEMO_ESTATE_ID },
    { kind: 'openid', openid: `oid-${who}` }
  ) as Promise<Envelope<unknown>>
const looked = (e: Envelope<unknown>) => e.ok || e.code === 'NOT_FOUND'
let n = 0
const nextCode = () => String(100000 + (n++ % 900000))

async function main() {
  const start = Date.UTC(2026, 10, 23, 6)
  let now = start
  const { dir, db } = await seededEstate('guess', now)
  try {
    const guards = Array.from({ length: 10 }, (_, i) => `bench-guard-${i}`)
    for (const g of guards)
      await db.insert('staff', {
        _id: g,
        createdAt: now,
        updatedAt: now,
        name: `门岗${g.slice(-1)}`,
        phone: '13900000000',
        roles: ['guard'],
        estateIds: [DEMO_ESTATE_ID],
        active: true,
        openid: `oid-${g}`
      })
    const L = GUESS_LIMITS.pass
    console.log(
      `岗位通 guess bench · node ${process.version} · limits: ${L.person} misses per person, ${L.estate} per estate in ${GUESS_WINDOW_MS / 60_000} min, lockout ${GUESS_LOCK_MS / 60_000} min`
    )

    // ---- as fast as the server answers, on the real clock ----
    const real = createRuntime(
      db,
      benchConfig(() => Date.now())
    )
    let t0 = performance.now()
    let hits = 0
    for (let i = 0; i < CALLS; i++) if (looked(await ask(real, 'demo-guard', nextCode()))) hits++
    let s = (performance.now() - t0) / 1000
    console.log(
      `one at a time:  ${CALLS} calls in ${s.toFixed(2)} s (${Math.round(CALLS / s)} answers/s); ${hits} codes looked up, then GUESS_LOCKED`
    )
    t0 = performance.now()
    hits = 0
    const batches = Math.ceil(CALLS / 25)
    for (let b = 0; b < batches; b++) {
      const batch = Array.from({ length: 25 }, () => ({
        action: 'gate.passCheck',
        input: { code: nextCode() },
        estateId: DEMO_ESTATE_ID
      }))
      const env = (await real.call(
        'staff',
        { batch },
        { kind: 'openid', openid: 'oid-demo-admin' }
      )) as Envelope<Envelope<unknown>[]>
      if (env.ok) hits += env.data.filter(looked).length
    }
    s = (performance.now() - t0) / 1000
    console.log(
      `batches of 25:  ${batches * 25} guesses in ${s.toFixed(2)} s; looked up ${hits} (another guard, a manager; the estate's allowance is shared)`
    )

    // ---- a simulated day: one guard, then ten accounts in turn ----
    for (const [label, who] of [
      ['one guard', ['demo-supervisor']],
      ['ten accounts', guards]
    ] as const) {
      now = start + 2 * DAY + (label === 'one guard' ? 0 : 2 * DAY)
      const sim = createRuntime(
        db,
        benchConfig(() => now)
      )
      const end = now + DAY
      let tries = 0
      hits = 0
      while (now < end) {
        if (looked(await ask(sim, who[tries % who.length], nextCode()))) hits++
        tries++
        now += 10_000
      }
      const perSec = hits / (DAY / 1000)
      console.log(
        `simulated day, ${label}: ${tries} tries, ${hits} looked up → ${perSec.toFixed(5)} guesses/s (${hits} a day); all ${SPACE.toLocaleString()} codes: ${Math.round(SPACE / hits).toLocaleString()} days (before the fix: ~5,000 guesses/s, 200 s)`
      )
    }
  } finally {
    db.close?.()
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
