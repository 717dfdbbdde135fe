"use client";

import { useState } from "react";
import type { PortalState } from "@/sandbox/portal/types";
import { CallList } from "./call-list";
import { PartnerCard } from "./partner-card";
import { ShareDialog } from "./share-dialog";
import { ShareOutcomeNotice } from "./share-outcome";
import { ToolsMenu } from "./tools-menu";
import { usePortalState, useShare } from "./use-portal";
import { DevicePanel } from "@/sandbox/workflow/ui/device-panel";

/**
 * The sandbox Portal, following the flow of the RapidSOS Data Share Partner Guide: select a 911 call, open Tools, pick our
 * solution, confirm, and see how our handler answered the signed delivery.
 */
export function PortalApp({ initial }: { initial: PortalState }) {
  const state = usePortalState(initial);
  const { share, sending, outcome } = useShare();
  const [selected, setSelected] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const { partner } = state;
  // A call that ended while selected can no longer be shared.
  const selectedCall = state.calls.find((c) => c.phone === selected) ?? null;
  const usable = partner.problems.length === 0;

  return (
    <div className="min-h-screen bg-slate-100 text-slate-900 [color-scheme:light]">
      <header className="flex items-center gap-4 bg-[#12284c] px-6 py-3 text-white">
        <p className="text-lg font-semibold">
          RapidSOS Portal <span className="ml-2 rounded bg-amber-400 px-2 py-0.5 text-xs font-bold text-slate-900">SANDBOX</span>
        </p>
        <p className="hidden text-sm text-white/80 sm:block">Simulated by Dispatcher Map · not the real RapidSOS</p>
        <div className="ml-auto">
          <ToolsMenu
            solutionName={partner.solutionName}
            solutionDescription={partner.solutionDescription}
            enabled={selectedCall !== null && usable && !sending}
            onPick={() => selectedCall && setConfirming(selectedCall.phone)}
          />
        </div>
      </header>
      <main className="mx-auto grid max-w-6xl gap-6 p-6 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-4">
          <h1 className="text-xl font-semibold">Calls</h1>
          <CallList calls={state.calls} now={state.now} selected={selectedCall?.phone ?? null} onSelect={setSelected} />
          <p className="text-sm text-slate-600">
            Select a call, then open <strong>Tools</strong> to share it with {partner.solutionName}.
          </p>
        </div>
        <div className="space-y-4">
          <h2 className="text-xl font-semibold">Last share</h2>
          <ShareOutcomeNotice outcome={outcome} sending={sending} />
          <PartnerCard partner={partner} />
          <DevicePanel />
        </div>
      </main>
      <ShareDialog
        phone={confirming}
        solutionName={partner.solutionName}
        partnerName={partner.partnerName}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          const phone = confirming;
          setConfirming(null);
          if (phone) void share(phone);
        }}
      />
    </div>
  );
}
