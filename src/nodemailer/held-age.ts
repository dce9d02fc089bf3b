/**
 * How long a message has been held, in the largest whole unit: `3 d`, `5 h`, `12 min`.
 *
 * @example
 * ```ts
 * heldAge('2026-12-01T08:00:00.000Z', Date.parse('2026-12-01T13:30:00.000Z')); // '5 h'
 * ```
 */
export function heldAge(heldAt: string, now: number = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(heldAt)) / 60_000));
  if (minutes >= 2 * 24 * 60) return `${Math.floor(minutes / (24 * 60))} d`;
  if (minutes >= 120) return `${Math.floor(minutes / 60)} h`;
  return `${minutes} min`;
}
