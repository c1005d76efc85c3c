/** Splits whole seconds into hours, minutes, seconds and "1h 35m 5s" (the /v1 seed's format). */
export function durationParts(totalSeconds: number) {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  return { hours, minutes, seconds, timeFormatted: `${hours}h ${minutes}m ${seconds}s` };
}
