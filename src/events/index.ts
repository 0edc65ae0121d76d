/**
 * Venues' events (活动, plan task 12): free taster classes, reading, performances and sports
 * that venue staff publish at their place, screened as adult posts are; occurrences in a
 * range of days, iCalendar files, and the count of free or low-cost activities held by
 * district. Other domains and the composition root reach it only through this file.
 */
export { eventsDomain, type EventsDomainDeps } from "./events-domain.ts";
export { type VenueGuard } from "./event-routes.ts";
export { eventMigrations } from "./migrations.ts";
export { type DistrictCount, countHeld } from "./event-listing.ts";
