/** What every benchmark prints: percentiles of latencies, one line per measurement. */
export function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]
}

export function lat(name: string, xs: number[], extra = ''): void {
  console.log(`${name.padEnd(52)} n=${String(xs.length).padStart(5)}  p50 ${pct(xs, 50).toFixed(2)} ms  p95 ${pct(xs, 95).toFixed(2)} ms${extra}`)
}
