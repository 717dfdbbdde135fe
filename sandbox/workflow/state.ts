/**
 * What Emergency WorkFlow triggers have set going in the sandbox: 911 calls started by a device or
 * app (their LEI records and additional data), the alerts a central-station flow created, and the
 * faults the control API queued. Everything is a function of the seed, the triggers and the sandbox
 * clock; nothing reads the real clock.
 */
import { RECORD_MAX_AGE_MS, SERVE_AFTER_END_MS } from "../call-schedule";
import { fixed } from "../geo";
import type { LeiWireRecord, SimRecord } from "../lei-records";
import { reverseGeocode } from "../places";
import { uuidFrom } from "../rng";
import { flowSection, type RadeDocument, type RadeSection } from "./sections";
import type { DeviceFix } from "./trigger-input";

export type WorkflowCallKind = "data_connect" | "voice";

/** A device call ends this long after its last trigger (no trigger ends one; the app stops sending). */
export const DEVICE_CALL_MS = 15 * 60_000;
/** While a call lasts, LEI gets the device's latest fix this often (the same fix repeats, as LEI does). */
const REPEAT_MS = 10_000;

export interface WorkflowCall {
  id: string;
  phone: string;
  kind: WorkflowCallKind;
  callflow: string;
  start: number;
  end: number;
  fullName: string;
  application: string;
  fixes: { at: number; fix: DeviceFix }[];
  sections: RadeSection[];
  triggerIds: string[];
  updatedAt: number;
}

export interface WorkflowCallView {
  phone: string;
  kind: WorkflowCallKind;
  callflow: string;
  callerName: string;
  callStart: number;
  endsAt: number;
  status: "active" | "ended";
  latest: { lat: number; lon: number; uncertainty: number | null } | null;
}

export type RadeFaultKind = "malformed";

export class WorkflowState {
  private calls: WorkflowCall[] = [];
  /** event.source_id → alert_id, so a second trigger moves the alert instead of creating another. */
  readonly alertsBySource = new Map<string, string>();
  readonly alertData = new Map<string, { at: number; document: RadeDocument }>();
  private serverErrors = 0;
  private radeFaults: RadeFaultKind[] = [];
  private counter = 0;

  constructor(private seed: number) {}

  reset(seed: number): void {
    this.seed = seed;
    this.calls = [];
    this.alertsBySource.clear();
    this.alertData.clear();
    this.serverErrors = 0;
    this.radeFaults = [];
    this.counter = 0;
  }

  /** The id of the next emergency flow execution (deterministic: seed and order). */
  nextId(): string {
    return uuidFrom(this.seed, "rem-trigger", this.counter++);
  }

  queueServerErrors(count: number): void {
    this.serverErrors += count;
  }

  takeServerError(): boolean {
    if (this.serverErrors <= 0) return false;
    this.serverErrors -= 1;
    return true;
  }

  queueRadeFault(kind: RadeFaultKind, count: number): void {
    for (let i = 0; i < count; i++) this.radeFaults.push(kind);
  }

  takeRadeFault(): RadeFaultKind | null {
    return this.radeFaults.shift() ?? null;
  }

  pending(): { serverErrors: number; radeFaults: RadeFaultKind[] } {
    return { serverErrors: this.serverErrors, radeFaults: [...this.radeFaults] };
  }

  /** The call LEI serves for `phone` at `t`: the newest one still within its serving window. */
  servedCall(phone: string, t: number): WorkflowCall | null {
    for (let i = this.calls.length - 1; i >= 0; i--) {
      const c = this.calls[i] as WorkflowCall;
      if (c.phone === phone && c.start <= t && t < c.end + SERVE_AFTER_END_MS) return c;
    }
    return null;
  }

  /** Start a call for the number, or move the live one (a later trigger for the same number). */
  trigger(input: {
    id: string;
    phone: string;
    kind: WorkflowCallKind;
    callflow: string;
    fullName: string;
    application: string;
    fix: DeviceFix;
    sections: RadeSection[];
    now: number;
  }): { call: WorkflowCall; started: boolean } {
    // Forget calls LEI no longer serves, so a long demo or a test storm does not grow without bound.
    this.calls = this.calls.filter((c) => input.now < c.end + SERVE_AFTER_END_MS);
    const live = this.servedCall(input.phone, input.now);
    const sections = [...input.sections, flowSection(input.callflow, input.id, input.now)];
    if (live && input.now < live.end) {
      live.fixes.push({ at: input.now, fix: input.fix });
      // Fixes older than LEI serves matter only as the one in force at the window's start.
      const oldest = input.now - RECORD_MAX_AGE_MS;
      const firstKept = Math.max(0, live.fixes.findIndex((f) => f.at >= oldest) - 1);
      if (firstKept > 0) live.fixes = live.fixes.slice(firstKept);
      live.end = input.now + DEVICE_CALL_MS;
      live.sections = sections;
      live.fullName = input.fullName;
      live.triggerIds.push(input.id);
      live.updatedAt = input.now;
      return { call: live, started: false };
    }
    const call: WorkflowCall = {
      id: `workflow-${this.counter}`,
      phone: input.phone,
      kind: input.kind,
      callflow: input.callflow,
      start: input.now,
      end: input.now + DEVICE_CALL_MS,
      fullName: input.fullName,
      application: input.application,
      fixes: [{ at: input.now, fix: input.fix }],
      sections,
      triggerIds: [input.id],
      updatedAt: input.now,
    };
    this.calls.push(call);
    return { call, started: true };
  }

  /** End the live call from `phone` now (control API); false when there is none. */
  end(phone: string, now: number): boolean {
    const live = this.servedCall(phone, now);
    if (!live || now >= live.end) return false;
    live.end = now;
    return true;
  }

  /** LEI's records for the call at `t`: one at each trigger, and the latest fix repeated every 10 s. */
  records(call: WorkflowCall, t: number): SimRecord[] {
    const until = Math.min(t, call.end);
    const from = Math.max(call.start, t - RECORD_MAX_AGE_MS);
    const times = new Set<number>();
    for (const f of call.fixes) if (f.at >= from && f.at <= until) times.add(f.at);
    for (let at = call.start + REPEAT_MS; at <= until; at += REPEAT_MS) if (at >= from) times.add(at);
    return [...times]
      .sort((a, b) => a - b)
      .map((at) => {
        const fix = latestFix(call, at);
        return { createdTime: at, locationTime: at, truth: { lat: fix.latitude, lon: fix.longitude }, wire: this.wire(call, fix, at) };
      });
  }

  document(call: WorkflowCall): RadeDocument {
    return {
      caller_id: call.phone,
      alert_id: null,
      source: { name: call.application, callflow: call.callflow },
      updated_time: String(call.updatedAt),
      sections: structuredClone(call.sections),
    };
  }

  views(t: number): WorkflowCallView[] {
    return this.calls
      .filter((c) => c.start <= t && t < c.end + SERVE_AFTER_END_MS)
      .map((c) => {
        const last = c.fixes[c.fixes.length - 1];
        return {
          phone: c.phone,
          kind: c.kind,
          callflow: c.callflow,
          callerName: c.fullName,
          callStart: c.start,
          endsAt: c.end,
          status: t < c.end ? "active" : "ended",
          latest: last ? { lat: last.fix.latitude, lon: last.fix.longitude, uncertainty: last.fix.uncertainty } : null,
        };
      });
  }

  private wire(call: WorkflowCall, fix: DeviceFix, at: number): LeiWireRecord {
    const rg = reverseGeocode({ lat: fix.latitude, lon: fix.longitude });
    return {
      format_version: "1.0",
      caller_id: call.phone,
      created_time: String(at),
      location_time: String(at),
      call_start_time: String(call.start),
      source: "call",
      caller_name: call.fullName,
      application: call.application,
      positioning_method: "device",
      latitude: fixed(fix.latitude, 6),
      longitude: fixed(fix.longitude, 6),
      altitude: null,
      altitude_uncertainty_radius: null,
      // The device sent no uncertainty: LEI has nothing better to say than an empty radius.
      uncertainty_radius: fix.uncertainty === null ? "" : fixed(fix.uncertainty, 1),
      uncertainty_confidence: null,
      uncertainty_confidence_pdf: null,
      rg_engine: rg ? "google" : null,
      rg_name: rg ? rg.place.name : null,
      rg_id: rg ? rg.id : null,
      rg_likelihood: rg ? String(rg.likelihood) : null,
      rg_address: rg ? rg.place.address : null,
      rg_exact_location: rg ? rg.place.exactLocation : null,
      rg_latitude: rg ? fixed(rg.place.lat, 5) : null,
      rg_longitude: rg ? fixed(rg.place.lon, 5) : null,
      rg_contact: rg ? rg.place.contact : null,
      rg_additional_info_url: null,
    };
  }
}

function latestFix(call: WorkflowCall, at: number): DeviceFix {
  let fix = (call.fixes[0] as { fix: DeviceFix }).fix;
  for (const f of call.fixes) if (f.at <= at) fix = f.fix;
  return fix;
}
