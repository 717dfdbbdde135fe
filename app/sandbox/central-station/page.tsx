import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getSandbox } from "@/sandbox";
import { CentralStationApp } from "@/sandbox/alerts/ui/central-station-app";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Central station (sandbox) — Dispatcher Map",
};

/** The sandbox's alarm-monitoring company (the partner side of the RapidSOS Alert Management API): create alerts by hand. */
export default function CentralStationPage() {
  if (!getSandbox()) notFound();
  return <CentralStationApp />;
}
