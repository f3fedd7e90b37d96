// Calendar dates cross every boundary as ISO text (YYYY-MM-DD) and are read the Russian way. They are reformatted as
// text, never through Date, so that a birth date cannot shift by a day in another time zone.

/** '2026-11-20' (or the date part of a timestamp) → '20.11.2026'; `empty` for none; anything else as it was. */
export function ruDate(iso: string | null | undefined, empty = ''): string {
  if (!iso) return empty
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.slice(0, 10))
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso
}
