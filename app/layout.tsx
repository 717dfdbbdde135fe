import type { Metadata } from "next";
import type { ReactNode } from "react";
import { requestTheme } from "@/lib/server/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: "Dispatcher Map",
  description: "Live caller locations and nearest body cameras for 911 telecommunicators.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Dark by default (ECCs are dark rooms); rendered on the server so there is no flash of the wrong theme.
  const theme = await requestTheme();
  return (
    <html lang="en" data-theme={theme}>
      <body className="min-h-screen bg-surface text-fg antialiased">{children}</body>
    </html>
  );
}
