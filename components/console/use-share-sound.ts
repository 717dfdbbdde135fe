"use client";

import { useCallback, useSyncExternalStore } from "react";

/** Per browser, not per account: a shared workstation's speaker is a property of the desk. */
const STORAGE_KEY = "dm-share-sound";
const CHANGED = "dm-share-sound-changed";

let audio: AudioContext | null = null;
/** The choice when the browser has no usable storage (some private modes): this page only. */
let unstored = false;

/**
 * Two short rising beeps. Browsers only let a page make sound after a user gesture, so the context
 * is created when the toggle is switched on; after a reload it stays silent until the next click.
 */
export function playShareTone(): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === "suspended") void audio.resume().catch(() => undefined);
    const start = audio.currentTime + 0.02;
    [660, 880].forEach((hz, i) => {
      const ctx = audio as AudioContext;
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      const t = start + i * 0.18;
      osc.type = "sine";
      osc.frequency.value = hz;
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.25, t + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.15);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t);
      osc.stop(t + 0.16);
    });
  } catch {
    // No audio device or no Web Audio: the toast still shows.
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

function read(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === "on";
  } catch {
    return unstored;
  }
}

/** The "sound on new shared calls" preference: off by default, remembered in this browser. */
export function useShareSound(): { enabled: boolean; toggle: () => void } {
  const enabled = useSyncExternalStore(subscribe, read, () => false);
  const toggle = useCallback(() => {
    const next = !read();
    unstored = next;
    try {
      window.localStorage.setItem(STORAGE_KEY, next ? "on" : "off");
    } catch {
      // No storage: `unstored` holds the choice for this page.
    }
    window.dispatchEvent(new Event(CHANGED));
    // The click is the gesture that unlocks audio; the sample tells the user what to listen for.
    if (next) playShareTone();
  }, []);
  return { enabled, toggle };
}
