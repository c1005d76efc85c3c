// The public face of lib/time, the one home of dates, instants and ranges, for server code.
// Every module here is pure; the database's zone list is loaded by the server only, through
// ./db-zones.ts, which is not re-exported. Client components import ./calendar and ./zones
// directly, so their bundles do not carry the zod schemas of ./instants and ./ranges.
//
//   calendar.ts     calendar days: the real-date check, day/week arithmetic, weekday and month names
//   zones.ts        time zones: validity (Intl), an instant's local day and clock, a day's first instant
//   known-zones.ts  the zones PostgreSQL also knows (the accepted zone list)
//   instants.ts     the accepted range of instants and days (1970..2100) and the zod pieces of /v1 and the dashboards
//   ranges.ts       the /api/timesheet range parameters (date, local date-time, instant) and their zod schema
//   skew.ts         the "not in the future" check of recorded instants

export * from "./calendar";
export {
  isValidTimeZone,
  localDate,
  localClock,
  zonedToInstant,
  dayStart,
  weekStartOf,
} from "./zones";
export * from "./known-zones";
export * from "./instants";
export * from "./ranges";
export * from "./skew";
