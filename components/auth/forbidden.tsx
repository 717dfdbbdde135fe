import Link from "next/link";
import type { Role } from "@/lib/auth/types";

/** What a signed-in user sees on a page their role does not open. */
export function Forbidden({ needed }: { needed: Role }) {
  return (
    <section aria-labelledby="forbidden-title" className="mx-auto max-w-xl rounded-lg border border-warn bg-warn-bg p-6">
      <h1 id="forbidden-title" className="text-lg font-semibold text-warn">
        Not available to your role
      </h1>
      <p className="mt-2 text-fg">
        This page needs the <strong>{needed}</strong> role. Ask an administrator if you need access.
      </p>
      <p className="mt-4">
        <Link href="/" className="text-accent underline underline-offset-2">
          Back to the console
        </Link>
      </p>
    </section>
  );
}
