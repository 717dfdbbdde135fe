import Link from "next/link";
import { signOutAction } from "@/lib/auth/actions";
import { hasRole, type Role, type SessionUser } from "@/lib/auth/types";

const LINKS: { href: string; label: string; role: Role }[] = [
  { href: "/", label: "Console", role: "telecommunicator" },
  { href: "/audit", label: "Audit", role: "supervisor" },
  { href: "/admin/users", label: "Users", role: "admin" },
];

/**
 * The bar on every signed-in page: where you can go (only what your role opens), who you are,
 * and sign-out. `current` marks the page you are on.
 */
export function AppHeader({ user, current }: { user: SessionUser; current?: string }) {
  return (
    <header className="flex flex-wrap items-center gap-4 border-b border-slate-800 bg-slate-900 px-4 py-2">
      <span className="font-semibold tracking-tight text-slate-100">Dispatcher Map</span>
      <nav aria-label="Main" className="flex gap-1">
        {LINKS.filter((l) => hasRole(user.role, l.role)).map((l) => (
          <Link
            key={l.href}
            href={l.href}
            aria-current={current === l.href ? "page" : undefined}
            className="rounded px-2 py-1 text-sm text-slate-300 hover:bg-slate-800 hover:text-white aria-[current=page]:bg-slate-800 aria-[current=page]:text-white"
          >
            {l.label}
          </Link>
        ))}
      </nav>
      <div className="ml-auto flex items-center gap-3 text-sm">
        <span className="text-slate-200" data-testid="signed-in-user">
          {user.name} <span className="text-slate-400">({user.email})</span>
        </span>
        <span className="rounded bg-slate-800 px-2 py-0.5 text-xs uppercase tracking-wide text-slate-300" aria-label={`Role: ${user.role}`}>
          {user.role}
        </span>
        <form action={signOutAction}>
          <button
            type="submit"
            className="rounded border border-slate-600 px-3 py-1 text-slate-200 hover:bg-slate-800 focus:outline-none focus:ring-2 focus:ring-sky-400"
          >
            Sign out
          </button>
        </form>
      </div>
    </header>
  );
}
