/**
 * Where the simulated body cameras are: police stations (docks) and closed patrol loops on real
 * streets ([lat, lon]). Loops near the three initial callers come first so the roster can put
 * several officers close to each of them.
 */
import type { Waypoint } from "./geo";

export interface Station {
  id: string;
  name: string;
  at: Waypoint;
}

export const STATIONS: readonly Station[] = [
  { id: "zone1", name: "Zone 1 station, Brighton Rd", at: [40.4575, -80.0222] },
  { id: "zone2", name: "Zone 2 station, Centre Ave", at: [40.4428, -79.9817] },
  { id: "zone3", name: "Zone 3 station, E Warrington Ave", at: [40.4195, -79.993] },
  { id: "zone4", name: "Zone 4 station, Northumberland St", at: [40.4423, -79.9215] },
  { id: "zone5", name: "Zone 5 station, Washington Blvd", at: [40.4625, -79.9089] },
  { id: "hq", name: "Headquarters, Western Ave", at: [40.4522, -80.0185] },
];

export type PatrolMode = "foot" | "vehicle";

export interface PatrolLoop {
  id: string;
  name: string;
  mode: PatrolMode;
  stationId: string;
  waypoints: readonly Waypoint[];
}

export const PATROL_LOOPS: readonly PatrolLoop[] = [
  // Downtown, near the walking caller (Market Square → Point State Park).
  { id: "downtown-market", name: "Market Square foot beat", mode: "foot", stationId: "zone2",
    waypoints: [[40.44067, -80.00255], [40.4416, -80.0005], [40.4403, -79.9988], [40.439, -80.0012], [40.43995, -80.00345]] },
  { id: "downtown-point", name: "Point State Park / Gateway Center foot beat", mode: "foot", stationId: "zone2",
    waypoints: [[40.4406, -80.0084], [40.4423, -80.007], [40.441, -80.0056], [40.43975, -80.0072], [40.4411, -80.01]] },
  { id: "downtown-grid", name: "Downtown vehicle loop (Grant St, Blvd of the Allies, Stanwix St, Penn Ave)", mode: "vehicle", stationId: "zone2",
    waypoints: [[40.4433, -79.9963], [40.4376, -79.9978], [40.4384, -80.006], [40.4437, -80.0051]] },
  // Along the Parkway East, near the driving caller.
  { id: "south-oakland", name: "Blvd of the Allies / Bates St loop", mode: "vehicle", stationId: "zone4",
    waypoints: [[40.4348, -79.966], [40.4299, -79.963], [40.4316, -79.976], [40.437, -79.974]] },
  { id: "greenfield", name: "Greenfield / Hazelwood loop", mode: "vehicle", stationId: "zone4",
    waypoints: [[40.4237, -79.947], [40.418, -79.943], [40.421, -79.935], [40.426, -79.939]] },
  { id: "squirrel-hill", name: "Squirrel Hill loop (Forbes, Murray, Beechwood)", mode: "vehicle", stationId: "zone4",
    waypoints: [[40.4382, -79.9233], [40.433, -79.9215], [40.4296, -79.929], [40.4358, -79.931]] },
  // Oakland, near the text-to-911 caller.
  { id: "oakland-campus", name: "Pitt campus foot beat", mode: "foot", stationId: "zone4",
    waypoints: [[40.4427, -79.9535], [40.4442, -79.956], [40.4456, -79.9525], [40.4438, -79.9503]] },
  { id: "oakland-streets", name: "Oakland vehicle loop (Forbes, Craig, Fifth)", mode: "vehicle", stationId: "zone4",
    waypoints: [[40.442, -79.957], [40.4442, -79.9491], [40.4464, -79.9499], [40.4452, -79.9573]] },
  // Elsewhere in the city.
  { id: "strip-district", name: "Strip District loop", mode: "vehicle", stationId: "zone2",
    waypoints: [[40.4496, -79.9885], [40.4548, -79.9795], [40.453, -79.977], [40.448, -79.986]] },
  { id: "north-shore", name: "North Shore loop", mode: "vehicle", stationId: "zone1",
    waypoints: [[40.4469, -80.0057], [40.4456, -80.0125], [40.448, -80.014], [40.449, -80.006]] },
  { id: "south-side", name: "South Side Flats loop", mode: "vehicle", stationId: "zone3",
    waypoints: [[40.4288, -79.9871], [40.428, -79.973], [40.426, -79.973], [40.4268, -79.987]] },
  { id: "hill-district", name: "Hill District loop (Centre Ave, Wylie Ave)", mode: "vehicle", stationId: "zone2",
    waypoints: [[40.4428, -79.9817], [40.4448, -79.974], [40.447, -79.973], [40.445, -79.983]] },
  { id: "lawrenceville", name: "Lawrenceville / Bloomfield loop", mode: "vehicle", stationId: "zone5",
    waypoints: [[40.4672, -79.9627], [40.4715, -79.9549], [40.462, -79.955], [40.4585, -79.966]] },
  { id: "shadyside", name: "Shadyside / East Liberty loop", mode: "vehicle", stationId: "zone5",
    waypoints: [[40.4517, -79.935], [40.4523, -79.928], [40.4605, -79.925], [40.459, -79.933]] },
];

export function stationById(id: string): Station {
  const s = STATIONS.find((x) => x.id === id);
  if (!s) throw new Error(`unknown station ${id}`);
  return s;
}

export function loopById(id: string): PatrolLoop {
  const l = PATROL_LOOPS.find((x) => x.id === id);
  if (!l) throw new Error(`unknown patrol loop ${id}`);
  return l;
}
