/**
 * A synthetic GTFS feed of any size, for tests and benchmarks (it is made up, and says so
 * in its agency name): stops on a grid 250 m apart, lines that wander across it, trips in
 * both directions from 05:00 to past midnight, some lines by frequencies.txt, a weekday
 * calendar with an exception. Deterministic for a seed.
 */

export interface SyntheticOptions {
  /** Stops per side of the grid (side² stops). */
  side: number;
  routes: number;
  stopsPerRoute: number;
  tripsPerDirection: number;
  /** Chance a line turns at a stop (0.2); real lines run straighter than a random walk. */
  turn?: number;
  /** Grid steps between a line's stops (1: 250 m; 2: 500 m, as city buses stop). */
  stride?: number;
  /** Every n-th route runs by frequencies.txt (0: none). */
  frequencyEvery?: number;
  seed?: number;
  /** Where the grid's south-west corner is. */
  origin?: [lon: number, lat: number];
}

/** A small deterministic random generator (mulberry32). */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const time = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, "0")}:${String(Math.floor(s / 60) % 60).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;

/** The feed's files (name → bytes), as readZip would give them. */
export function syntheticGtfs(o: SyntheticOptions): Map<string, () => Buffer> {
  const random = randomSource(o.seed ?? 1);
  const [lon0, lat0] = o.origin ?? [118.70, 31.95];
  const dLat = 250 / 111_320, dLon = 250 / (111_320 * Math.cos((lat0 * Math.PI) / 180));
  const stops = ["stop_id,stop_name,stop_lat,stop_lon,wheelchair_boarding"];
  for (let y = 0; y < o.side; y++) {
    for (let x = 0; x < o.side; x++) stops.push(`s${y * o.side + x},站 ${x}-${y},${(lat0 + y * dLat).toFixed(6)},${(lon0 + x * dLon).toFixed(6)},${(x + y) % 5 === 0 ? 2 : 1}`);
  }
  const routes = ["route_id,agency_id,route_short_name,route_long_name,route_type,route_color"];
  const trips = ["route_id,service_id,trip_id,trip_headsign,direction_id,wheelchair_accessible"];
  const times: string[] = ["trip_id,arrival_time,departure_time,stop_id,stop_sequence"];
  const frequencies = ["trip_id,start_time,end_time,headway_secs"];
  const moves = [[1, 0], [0, 1], [-1, 0], [0, -1], [1, 1], [-1, 1]] as const;
  for (let r = 0; r < o.routes; r++) {
    let x = Math.floor(random() * o.side), y = Math.floor(random() * o.side);
    let move = moves[Math.floor(random() * moves.length)]!;
    const path: number[] = [];
    const seen = new Set<number>();
    while (path.length < o.stopsPerRoute) {
      const id = y * o.side + x;
      if (!seen.has(id)) path.push(id);
      seen.add(id);
      if (random() < (o.turn ?? 0.2)) move = moves[Math.floor(random() * moves.length)]!;
      const stride = o.stride ?? 1;
      let nx = x + move[0] * stride, ny = y + move[1] * stride;
      if (nx < 0 || ny < 0 || nx >= o.side || ny >= o.side) {
        move = [-move[0], -move[1]] as unknown as typeof move;
        nx = Math.min(o.side - 1, Math.max(0, x + move[0] * stride));
        ny = Math.min(o.side - 1, Math.max(0, y + move[1] * stride));
      }
      x = nx;
      y = ny;
      if (seen.size > o.stopsPerRoute * 3) break;
    }
    routes.push(`r${r},synth,${r + 1},合成线路 ${r + 1},3,${((r * 2654435761) >>> 8 & 0xffffff).toString(16).padStart(6, "0")}`);
    const byFrequency = o.frequencyEvery ? r % o.frequencyEvery === 0 : false;
    const headway = Math.round((19.5 * 3600) / o.tripsPerDirection);
    const hops = path.map(() => (45 + Math.floor(random() * 60)) * (o.stride ?? 1));
    for (const direction of [0, 1]) {
      const seq = direction === 0 ? path : [...path].reverse();
      const count = byFrequency ? 1 : o.tripsPerDirection;
      for (let k = 0; k < count; k++) {
        const id = `r${r}d${direction}t${k}`;
        trips.push(`r${r},${k % 7 === 3 ? "weekday" : "daily"},${id},合成 ${r + 1} 往 ${direction},${direction},${k % 3 === 0 ? 2 : 1}`);
        let t = 5 * 3600 + k * headway + Math.floor(random() * 120) + direction * 300;
        seq.forEach((stop, i) => {
          const dwell = i === 0 || i === seq.length - 1 ? 0 : 20;
          times.push(`${id},${time(t)},${time(t + dwell)},s${stop},${i + 1}`);
          t += dwell + hops[i]!;
        });
        if (byFrequency) frequencies.push(`${id},05:00:00,24:30:00,${headway}`);
      }
    }
  }
  const files = new Map<string, string>([
    ["agency.txt", "agency_id,agency_name,agency_url,agency_timezone\nsynth,合成公交（SYNTHETIC test data）,https://example.org,Asia/Shanghai\n"],
    ["stops.txt", stops.join("\n")],
    ["routes.txt", routes.join("\n")],
    ["trips.txt", trips.join("\n")],
    ["stop_times.txt", times.join("\n")],
    ["calendar.txt", "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\ndaily,1,1,1,1,1,1,1,20260101,20271231\nweekday,1,1,1,1,1,0,0,20260101,20271231\n"],
    ["calendar_dates.txt", "service_id,date,exception_type\nweekday,20261225,2\n"],
  ]);
  if (frequencies.length > 1) files.set("frequencies.txt", frequencies.join("\n"));
  return new Map([...files].map(([name, text]) => [name, () => Buffer.from(text, "utf8")]));
}
