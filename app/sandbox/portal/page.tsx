import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PortalApp } from "@/components/portal/portal-app";
import { getConfig } from "@/lib/config/env";
import { portalState } from "@/lib/datashare/portal";
import { getSandbox } from "@/lib/sandbox";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "RapidSOS Portal (sandbox) — Dispatcher Map",
};

/** The sandbox's stand-in for RapidSOS Portal (document 001): share a simulated 911 call with us. */
export default function PortalPage() {
  const sandbox = getSandbox();
  if (!sandbox) notFound();
  return <PortalApp initial={portalState(sandbox, getConfig())} />;
}
