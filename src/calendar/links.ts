// Console addresses of the working-day calendar, for the modules that send people there (a missing
// year stops every deadline): they link the page without importing its routes.

/** Where an administrator of the top organization enters a year's 节假日安排. */
export const calendarYearEntryHref = (year: number) => `/console/calendar/years/new?year=${year}`;
