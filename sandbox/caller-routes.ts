/**
 * Where simulated 911 callers go: hand-picked waypoints along real Pittsburgh streets ([lat, lon]).
 * The first route of each kind is the one the three initial calls use.
 */
import type { Waypoint } from "./geo";

export type CallKind = "walking" | "driving" | "text";

export interface CallerRoute {
  id: string;
  name: string;
  /** Ground speed range in m/s (the call picks one from the seed). */
  speedMps: readonly [number, number];
  /** Ground elevation in metres, for callers whose phones report altitude. */
  elevationM: number;
  waypoints: readonly Waypoint[];
}

export const CALLER_ROUTES: Record<CallKind, readonly CallerRoute[]> = {
  walking: [
    {
      id: "walk-market-square-to-point",
      name: "Market Square → PPG Place → Point State Park",
      speedMps: [1.1, 1.4],
      elevationM: 228,
      waypoints: [
        [40.44067, -80.00255], [40.44035, -80.0029], [40.43995, -80.00345], [40.43905, -80.0056],
        [40.43975, -80.0072], [40.4406, -80.0084], [40.4411, -80.01], [40.44175, -80.01245],
      ],
    },
    {
      id: "walk-grant-street",
      name: "Grant St, U.S. Steel Tower → City-County Building",
      speedMps: [1.0, 1.4],
      elevationM: 236,
      waypoints: [[40.4421, -79.9948], [40.4414, -79.9953], [40.439, -79.9963], [40.4384, -79.9969], [40.437, -79.9977]],
    },
    {
      id: "walk-strip-district",
      name: "Penn Ave through the Strip District",
      speedMps: [0.9, 1.3],
      elevationM: 225,
      waypoints: [[40.4496, -79.9885], [40.451, -79.9861], [40.4523, -79.984], [40.4535, -79.9818], [40.4548, -79.9795]],
    },
    {
      id: "walk-east-carson",
      name: "E Carson St, South Side Flats",
      speedMps: [1.0, 1.4],
      elevationM: 222,
      waypoints: [[40.4288, -79.9871], [40.4286, -79.9825], [40.4283, -79.9777], [40.428, -79.973], [40.4272, -79.9672]],
    },
    {
      id: "walk-north-shore",
      name: "North Shore Trail, PNC Park → Acrisure Stadium",
      speedMps: [1.1, 1.5],
      elevationM: 221,
      waypoints: [[40.4469, -80.0057], [40.4462, -80.009], [40.4456, -80.0125], [40.4465, -80.0155]],
    },
    {
      id: "walk-squirrel-hill",
      name: "Murray Ave from Forbes Ave, Squirrel Hill",
      speedMps: [0.9, 1.2],
      elevationM: 282,
      waypoints: [[40.4382, -79.9233], [40.436, -79.9225], [40.4338, -79.9217], [40.4318, -79.921]],
    },
  ],
  driving: [
    {
      id: "drive-parkway-east",
      name: "I-376 Parkway East, Downtown → Squirrel Hill",
      speedMps: [11, 14],
      elevationM: 230,
      waypoints: [
        [40.43665, -79.9983], [40.4348, -79.9945], [40.433, -79.988], [40.4312, -79.982],
        [40.4295, -79.974], [40.4276, -79.966], [40.4254, -79.956], [40.4237, -79.947],
        [40.4246, -79.9395], [40.4258, -79.932], [40.4268, -79.927],
      ],
    },
    {
      id: "drive-fifth-forbes",
      name: "Fifth Ave / Forbes Ave, Downtown → Oakland → Squirrel Hill",
      speedMps: [7, 11],
      elevationM: 270,
      waypoints: [
        [40.4399, -79.9947], [40.4387, -79.988], [40.4379, -79.979], [40.439, -79.968],
        [40.4413, -79.959], [40.442, -79.954], [40.4435, -79.945], [40.4442, -79.938], [40.4382, -79.9233],
      ],
    },
    {
      id: "drive-liberty-ave",
      name: "Liberty Ave, Downtown → Strip District → Bloomfield",
      speedMps: [7, 12],
      elevationM: 240,
      waypoints: [
        [40.4429, -79.9995], [40.4465, -79.9925], [40.4502, -79.985], [40.4538, -79.9775],
        [40.4585, -79.966], [40.462, -79.955], [40.461, -79.947],
      ],
    },
    {
      id: "drive-carson-st",
      name: "E Carson St (PA-837), Station Square → SouthSide Works",
      speedMps: [8, 12],
      elevationM: 222,
      waypoints: [[40.4333, -80.0035], [40.4303, -79.9945], [40.4288, -79.9871], [40.4283, -79.9777], [40.4268, -79.9655], [40.4245, -79.957]],
    },
  ],
  text: [
    {
      id: "text-oakland-campus",
      name: "Oakland: Schenley Plaza, Cathedral of Learning, Forbes Ave",
      speedMps: [0.2, 0.4],
      elevationM: 278,
      waypoints: [[40.4432, -79.9549], [40.4427, -79.9535], [40.444, -79.953], [40.4448, -79.9516], [40.4436, -79.9496]],
    },
    {
      id: "text-station-square",
      name: "Station Square riverfront",
      speedMps: [0.1, 0.3],
      elevationM: 223,
      waypoints: [[40.4337, -80.0049], [40.4343, -80.0065], [40.4346, -80.0082]],
    },
    {
      id: "text-cmu-phipps",
      name: "Carnegie Mellon campus → Phipps Conservatory",
      speedMps: [0.2, 0.5],
      elevationM: 285,
      waypoints: [[40.4433, -79.9436], [40.4418, -79.9455], [40.4402, -79.9468], [40.439, -79.9474]],
    },
    {
      id: "text-lawrenceville",
      name: "Butler St near Arsenal Park, Lawrenceville",
      speedMps: [0.1, 0.3],
      elevationM: 232,
      waypoints: [[40.4668, -79.9628], [40.4676, -79.9612], [40.4687, -79.9597]],
    },
  ],
};
