/**
 * The sweep's time left in the unit a person reads it in: whole seconds (at least 1) under a minute
 * and a half, then whole minutes ("90 s" reads better than "2 min"; "5 min" better than "300 s").
 */
export function sweepDuration(seconds: number): { unit: 'seconds' | 'minutes'; n: number } {
  return seconds < 90
    ? { unit: 'seconds', n: Math.max(1, Math.round(seconds)) }
    : { unit: 'minutes', n: Math.round(seconds / 60) };
}
