import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { hasRole, type Role, type SessionUser } from "@/lib/auth/types";

const LINKS: { href: string; label: string; role: Role }[] = [
  { href: "/", label: "Console", role: "telecommunicator" },
  { href: "/review", label: "Review", role: "supervisor" },
  { href: "/audit", label: "Audit", role: "supervisor" },
  { href: "/admin/users", label: "Users", role: "admin" },
  { href: "/admin/settings", label: "Settings", role: "admin" },
];

/**
 * The bar on every signed-in page: where you can go (only what your role opens), who you are,
 * and sign-out. `current` marks the page you are on.
 */
export function AppHeader({ user, current }: { user: SessionUser; current?: string }) {
  return (
    <header className="flex flex-wrap items-center gap-4 border-b border-line bg-raised px-4 py-2">
      <span className="font-semibold tracking-tight text-fg">Dispatcher Map</span>
      <nav aria-label="Main" className="flex gap-1">
        {LINKS.filter((l) => hasRole(user.role, l.role)).map((l) => (
          <Link
            key={l.href}
            href={l.href}
            aria-current={current === l.href ? "page" : undefined}
            className="rounded px-2 py-1 text-sm text-fg hover:bg-sunken hover:text-fg aria-[current=page]:bg-sunken aria-[current=page]:text-fg"
          >
            {l.label}
          </Link>
        ))}
      </nav>
      <div className="ml-auto flex items-center gap-3 text-sm">
        <span className="text-fg" data-testid="signed-in-user">
          {user.name} <span className="text-muted">({user.email})</span>
        </span>
        <span className="rounded bg-sunken px-2 py-0.5 text-xs uppercase tracking-wide text-fg">
          <span className="sr-only">Role: </span>
          {user.role}
        </span>
        <SignOutButton />
      </div>
    </header>
  );
}
