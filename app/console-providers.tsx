"use client";

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { goToSignIn } from "@/components/auth/session-ended";
import { ApiError } from "@/lib/map/queries";

/** Any API answering 401 means the session ended (idle timeout, sign-out elsewhere): sign in again. */
function onError(err: unknown) {
  if (err instanceof ApiError && err.status === 401) goToSignIn();
}

/** One query client per browser tab, made on first render (never shared between server requests). */
export function ConsoleProviders({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        queryCache: new QueryCache({ onError }),
        mutationCache: new MutationCache({ onError }),
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
