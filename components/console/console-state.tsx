"use client";

import { createContext, useContext, useMemo, useReducer, type ReactNode } from "react";
import type { DeviceStatus } from "@/lib/axon/types";

export const DEVICE_STATUSES: readonly DeviceStatus[] = ["recording", "buffering", "docked", "offline", "unknown"];

/** A request from the user to put something in view; `seq` makes a repeat request move again. */
export interface FrameRequest {
  kind: "call" | "device";
  id: string;
  seq: number;
}

export interface ConsoleState {
  selectedCallId: string | null;
  selectedDeviceId: string | null;
  /** Keep the selected caller centred as new locations arrive. Only the user turns this on. */
  follow: boolean;
  shownStatuses: Record<DeviceStatus, boolean>;
  deviceQuery: string;
  frame: FrameRequest | null;
}

type Action =
  | { type: "selectCall"; id: string | null; frame: boolean }
  | { type: "selectDevice"; id: string | null; frame: boolean }
  | { type: "clear" }
  | { type: "toggleFollow" }
  | { type: "toggleStatus"; status: DeviceStatus }
  | { type: "setDeviceQuery"; query: string };

/** A console that has just opened: nothing selected, every device status shown. */
export const initialConsoleState: ConsoleState = {
  selectedCallId: null,
  selectedDeviceId: null,
  follow: false,
  shownStatuses: { recording: true, buffering: true, docked: true, offline: true, unknown: true },
  deviceQuery: "",
  frame: null,
};

function frameFor(state: ConsoleState, kind: FrameRequest["kind"], id: string | null, frame: boolean) {
  if (!frame || id === null) return state.frame;
  return { kind, id, seq: (state.frame?.seq ?? 0) + 1 };
}

export function consoleReducer(state: ConsoleState, action: Action): ConsoleState {
  switch (action.type) {
    case "selectCall":
      return {
        ...state,
        selectedCallId: action.id,
        // Following is about one caller; a different caller starts unfollowed.
        follow: action.id === state.selectedCallId ? state.follow : false,
        frame: frameFor(state, "call", action.id, action.frame),
      };
    case "selectDevice":
      return { ...state, selectedDeviceId: action.id, frame: frameFor(state, "device", action.id, action.frame) };
    case "clear":
      // Esc peels one layer at a time: the device first, then the caller.
      if (state.selectedDeviceId !== null) return { ...state, selectedDeviceId: null };
      return { ...state, selectedCallId: null, follow: false };
    case "toggleFollow":
      return state.selectedCallId === null ? state : { ...state, follow: !state.follow };
    case "toggleStatus":
      return {
        ...state,
        shownStatuses: { ...state.shownStatuses, [action.status]: !state.shownStatuses[action.status] },
      };
    case "setDeviceQuery":
      return { ...state, deviceQuery: action.query };
  }
}

export interface ConsoleActions {
  selectCall: (id: string | null, opts?: { frame?: boolean }) => void;
  selectDevice: (id: string | null, opts?: { frame?: boolean }) => void;
  clear: () => void;
  toggleFollow: () => void;
  toggleStatus: (status: DeviceStatus) => void;
  setDeviceQuery: (query: string) => void;
}

const StateContext = createContext<ConsoleState | null>(null);
const ActionsContext = createContext<ConsoleActions | null>(null);

export function ConsoleStateProvider({ children }: { children: ReactNode }) {
  const [state, dispatch] = useReducer(consoleReducer, initialConsoleState);
  const actions = useMemo<ConsoleActions>(
    () => ({
      selectCall: (id, opts) => dispatch({ type: "selectCall", id, frame: opts?.frame ?? true }),
      selectDevice: (id, opts) => dispatch({ type: "selectDevice", id, frame: opts?.frame ?? true }),
      clear: () => dispatch({ type: "clear" }),
      toggleFollow: () => dispatch({ type: "toggleFollow" }),
      toggleStatus: (status) => dispatch({ type: "toggleStatus", status }),
      setDeviceQuery: (query) => dispatch({ type: "setDeviceQuery", query }),
    }),
    [],
  );
  return (
    <ActionsContext.Provider value={actions}>
      <StateContext.Provider value={state}>{children}</StateContext.Provider>
    </ActionsContext.Provider>
  );
}

export function useConsoleState(): ConsoleState {
  const s = useContext(StateContext);
  if (!s) throw new Error("useConsoleState outside ConsoleStateProvider");
  return s;
}

export function useConsoleActions(): ConsoleActions {
  const a = useContext(ActionsContext);
  if (!a) throw new Error("useConsoleActions outside ConsoleStateProvider");
  return a;
}
