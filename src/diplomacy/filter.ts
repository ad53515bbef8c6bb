/** Which visits a listing shows: by country (guest or host) and by dates (the visit's window meets the range). */
import type { Visit } from './visit.js';

export interface VisitFilter {
  readonly country?: string | null;
  /** YYYY-MM-DD: visits ending on or after this day (undated visits are kept out once a range is set). */
  readonly from?: string | null;
  /** YYYY-MM-DD: visits starting on or before this day. */
  readonly to?: string | null;
}

export function filterVisits(visits: readonly Visit[], f: VisitFilter): Visit[] {
  return visits.filter((v) => {
    if (f.country && v.guest.country !== f.country && v.host.country !== f.country) return false;
    if ((f.from || f.to) && (!v.start || !v.end)) return false;
    if (f.from && v.end && v.end < f.from) return false;
    if (f.to && v.start && v.start > f.to) return false;
    return true;
  });
}
