/**
 * A small reverse-geocoding table of real, public Pittsburgh places (what LEI's `rg_*` fields name).
 * Contacts use fictional 555-01xx numbers and no real web sites, so nothing here can reach a real
 * business by accident. Coordinates are hand-picked and good to ~50 m.
 */
import { distanceM, type LatLon } from "./geo";
import { hash32 } from "./rng";

export interface Place {
  name: string;
  address: string;
  lat: number;
  lon: number;
  exactLocation: string | null;
  contact: string | null;
  /** LEI `rg_additional_info_url`: a page about the place, when the geocoder has one. */
  infoUrl?: string;
  /** LEI `rg_engine`: "google" unless Apple's geocoder named this place. */
  engine?: "google" | "apple";
}

export const PLACES: readonly Place[] = [
  { name: "Market Square", address: "Market Square, Pittsburgh, PA 15222, USA", lat: 40.44067, lon: -80.00255, exactLocation: null, contact: null },
  { name: "PPG Place", address: "1 PPG Place, Pittsburgh, PA 15222, USA", lat: 40.4398, lon: -80.0032, exactLocation: "Plaza level", contact: "+1 (412) 555-0120", infoUrl: "https://example.org/places/ppg-place", engine: "apple" },
  { name: "Point State Park", address: "601 Commonwealth Pl, Pittsburgh, PA 15222, USA", lat: 40.4411, lon: -80.0093, exactLocation: null, contact: null },
  { name: "Point State Park Fountain", address: "601 Commonwealth Pl, Pittsburgh, PA 15222, USA", lat: 40.44175, lon: -80.01245, exactLocation: null, contact: null },
  { name: "Fort Pitt Block House", address: "601 Commonwealth Pl, Pittsburgh, PA 15222, USA", lat: 40.4411, lon: -80.0101, exactLocation: null, contact: null },
  { name: "Gateway Center", address: "401 Liberty Ave, Pittsburgh, PA 15222, USA", lat: 40.4421, lon: -80.0068, exactLocation: null, contact: null },
  { name: "Heinz Hall", address: "600 Penn Ave, Pittsburgh, PA 15222, USA", lat: 40.4425, lon: -80.0003, exactLocation: "Box office", contact: "+1 (412) 555-0121", infoUrl: "https://example.org/places/heinz-hall" },
  { name: "U.S. Steel Tower", address: "600 Grant St, Pittsburgh, PA 15219, USA", lat: 40.4414, lon: -79.995, exactLocation: null, contact: null },
  { name: "Allegheny County Courthouse", address: "436 Grant St, Pittsburgh, PA 15219, USA", lat: 40.439, lon: -79.9963, exactLocation: null, contact: null },
  { name: "City-County Building", address: "414 Grant St, Pittsburgh, PA 15219, USA", lat: 40.4384, lon: -79.9969, exactLocation: null, contact: null },
  { name: "David L. Lawrence Convention Center", address: "1000 Fort Duquesne Blvd, Pittsburgh, PA 15222, USA", lat: 40.4453, lon: -79.9962, exactLocation: "Hall A", contact: null },
  { name: "PPG Paints Arena", address: "1001 Fifth Ave, Pittsburgh, PA 15219, USA", lat: 40.4395, lon: -79.9893, exactLocation: null, contact: null },
  { name: "Duquesne University", address: "600 Forbes Ave, Pittsburgh, PA 15282, USA", lat: 40.4364, lon: -79.9905, exactLocation: null, contact: null },
  { name: "Station Square", address: "125 W Station Square Dr, Pittsburgh, PA 15219, USA", lat: 40.4337, lon: -80.0049, exactLocation: null, contact: null },
  { name: "Duquesne Incline", address: "1197 W Carson St, Pittsburgh, PA 15219, USA", lat: 40.4387, lon: -80.0176, exactLocation: "Lower station", contact: null },
  { name: "PNC Park", address: "115 Federal St, Pittsburgh, PA 15212, USA", lat: 40.4469, lon: -80.0057, exactLocation: null, contact: null },
  { name: "Acrisure Stadium", address: "100 Art Rooney Ave, Pittsburgh, PA 15212, USA", lat: 40.4468, lon: -80.0158, exactLocation: "Gate A", contact: null },
  { name: "Strip District Terminal", address: "2101 Smallman St, Pittsburgh, PA 15222, USA", lat: 40.4523, lon: -79.9843, exactLocation: null, contact: null },
  { name: "SouthSide Works", address: "2700 E Carson St, Pittsburgh, PA 15203, USA", lat: 40.4268, lon: -79.9655, exactLocation: null, contact: null },
  { name: "Cathedral of Learning", address: "4200 Fifth Ave, Pittsburgh, PA 15260, USA", lat: 40.4444, lon: -79.9532, exactLocation: "Commons Room", contact: "+1 (412) 555-0122" },
  { name: "Schenley Plaza", address: "4100 Forbes Ave, Pittsburgh, PA 15213, USA", lat: 40.4428, lon: -79.9537, exactLocation: null, contact: null },
  { name: "Carnegie Museum of Natural History", address: "4400 Forbes Ave, Pittsburgh, PA 15213, USA", lat: 40.4433, lon: -79.95, exactLocation: null, contact: "+1 (412) 555-0123" },
  { name: "UPMC Presbyterian", address: "200 Lothrop St, Pittsburgh, PA 15213, USA", lat: 40.4424, lon: -79.9606, exactLocation: "Emergency department", contact: null },
  { name: "Phipps Conservatory", address: "1 Schenley Dr, Pittsburgh, PA 15213, USA", lat: 40.439, lon: -79.9474, exactLocation: null, contact: null },
  { name: "Carnegie Mellon University", address: "5000 Forbes Ave, Pittsburgh, PA 15213, USA", lat: 40.4433, lon: -79.9436, exactLocation: null, contact: null },
  { name: "Carnegie Library of Pittsburgh - Squirrel Hill", address: "5801 Forbes Ave, Pittsburgh, PA 15217, USA", lat: 40.4385, lon: -79.9222, exactLocation: null, contact: null },
  { name: "UPMC Children's Hospital of Pittsburgh", address: "4401 Penn Ave, Pittsburgh, PA 15224, USA", lat: 40.4665, lon: -79.953, exactLocation: null, contact: null },
  { name: "Arsenal Park", address: "250 40th St, Pittsburgh, PA 15201, USA", lat: 40.4668, lon: -79.9628, exactLocation: null, contact: null },
];

/** Farther than this from every place, LEI sends no reverse-geocoded place (all `rg_*` null). */
export const REVERSE_GEOCODE_MAX_M = 250;

export interface ReverseGeocode {
  place: Place;
  /** Stable Google-style place id, fake but shaped like one. */
  id: string;
  distanceM: number;
  /** 0–100: how likely the caller is at this place, falling off with distance. */
  likelihood: number;
}

const PLACE_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

export function placeId(place: Place): string {
  let id = "ChIJ";
  for (let i = 0; i < 23; i++) {
    id += PLACE_ID_ALPHABET.charAt(hash32("place", place.name, i) % PLACE_ID_ALPHABET.length);
  }
  return id;
}

export function reverseGeocode(p: LatLon): ReverseGeocode | null {
  let best: Place | null = null;
  let bestD = Infinity;
  for (const place of PLACES) {
    const d = distanceM(p, place);
    if (d < bestD) {
      best = place;
      bestD = d;
    }
  }
  if (!best || bestD > REVERSE_GEOCODE_MAX_M) return null;
  const likelihood = Math.max(20, Math.round(95 - (bestD / REVERSE_GEOCODE_MAX_M) * 70));
  return { place: best, id: placeId(best), distanceM: bestD, likelihood };
}
