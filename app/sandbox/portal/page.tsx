import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PortalApp } from "@/sandbox/portal/ui/portal-app";
import { getConfig } from "@/lib/config/env";
import { portalState } from "@/sandbox/portal/portal";
import { getSandbox } from "@/sandbox";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "RapidSOS Portal (sandbox) — Dispatcher Map",
};

/** The sandbox's stand-in for RapidSOS Portal (RapidSOS Data Share Partner Guide): share a simulated 911 call with us. */
export default function PortalPage() {
  const sandbox = getSandbox();
  if (!sandbox) notFound();
  return <PortalApp initial={portalState(sandbox, getConfig())} />;
}
