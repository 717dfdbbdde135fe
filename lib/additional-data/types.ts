/** Additional data (RapidSOS RAD-E) as the console and review show it: the contract with the browser. */

export interface DataField {
  label: string;
  /** As text ("Yes" for true); null when RapidSOS sent the field empty. */
  value: string | null;
  /** Changes the response (DNR, O2-dependent, deaf or speech-impaired, autism…). */
  flag: boolean;
}

export interface DataItem {
  label: string;
  fields: DataField[];
}

export type DataSection =
  | {
      kind: "section";
      type: string;
      label: string;
      /** A section type the app knows; unknown ones are shown all the same, as sent. */
      known: boolean;
      fields: DataField[];
      items: DataItem[];
      /** Parts of this section that could not be shown, in words. */
      problems: string[];
    }
  | { kind: "unreadable"; label: string | null; problem: string };

/** A flag that changes the response, with the data's own label, for the at-a-glance row. */
export interface ResponseFlag {
  label: string;
  section: string;
}

export interface AdditionalData {
  source: string | null;
  /** When the data provider last updated it (UNIX ms), if it said. */
  updatedAt: number | null;
  sections: DataSection[];
  flags: ResponseFlag[];
  /** What could not be shown at all (the document itself malformed). */
  problems: string[];
}

/** What is stored for a call or an alert, as the browser gets it. */
interface StoredAdditionalData {
  /** null: RapidSOS has no additional data for this call or alert (yet). */
  data: AdditionalData | null;
  /** When we received the document shown, and when we last asked (UNIX ms). */
  receivedAt: number | null;
  checkedAt: number | null;
  /** The stored document's version (0: none stored yet); the console's ETag is made from it. */
  version: number;
  serverTime: number;
}

export interface AdditionalDataResponse extends StoredAdditionalData {
  callId: string;
}

/** A central-station alert's additional data (RAD-E by `alert_id`). */
export interface AlertAdditionalDataResponse extends StoredAdditionalData {
  alertId: string;
}
