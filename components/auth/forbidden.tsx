import Link from "next/link";
import type { Role } from "@/lib/auth/types";

/** What a signed-in user sees on a page their role does not open. */
export function Forbidden({ needed }: { needed: Role }) {
  return (
    <section aria-labelledby="forbidden-title" className="mx-auto max-w-xl rounded-lg border border-amber-700/60 bg-amber-950/30 p-6">
      <h1 id="forbidden-title" className="text-lg font-semibold text-amber-200">
        Not available to your role
      </h1>
      <p className="mt-2 text-slate-300">
        This page needs the <strong>{needed}</strong> role. Ask an administrator if you need access.
      </p>
      <p className="mt-4">
        <Link href="/" className="text-sky-300 underline underline-offset-2 hover:text-sky-200">
          Back to the console
        </Link>
      </p>
    </section>
  );
}
