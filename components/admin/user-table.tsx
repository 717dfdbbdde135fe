import type { UserView } from "@/lib/auth/users";
import { UserActions } from "./user-actions";

const utc = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "never");

function Status({ user }: { user: UserView }) {
  const badges: { text: string; className: string }[] = [];
  if (user.disabled) badges.push({ text: "disabled", className: "bg-line text-fg" });
  if (user.locked) {
    const until = user.lockReleasesAt ? ` until ${user.lockReleasesAt.slice(11, 16)} UTC` : "";
    badges.push({ text: `locked${until}`, className: "bg-danger-bg text-danger" });
  }
  if (badges.length === 0) badges.push({ text: "active", className: "bg-sunken text-ok" });
  if (user.demo) badges.push({ text: "demo", className: "bg-indigo-900 text-indigo-100" });
  return (
    <span className="flex flex-wrap gap-1">
      {badges.map((b) => (
        <span key={b.text} className={`rounded px-1.5 py-0.5 text-xs ${b.className}`}>
          {b.text}
        </span>
      ))}
    </span>
  );
}

/** Every staff account with its role and state, and what an admin can change about it. */
export function UserTable({ users, currentUserId }: { users: UserView[]; currentUserId: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line">
      <table className="min-w-full divide-y divide-line text-sm">
        <caption className="sr-only">Staff accounts</caption>
        <thead className="bg-raised text-left text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-3 py-2">Account</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2">Last sign-in</th>
            <th scope="col" className="px-3 py-2">Role and actions</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {users.map((u) => (
            <tr key={u.id} data-testid={`user-${u.email}`} className="align-top">
              <td className="px-3 py-2">
                <div className="font-medium text-fg">
                  {u.name}
                  {u.id === currentUserId && <span className="ml-1 text-xs text-muted">(you)</span>}
                </div>
                <div className="text-muted">{u.email}</div>
              </td>
              <td className="px-3 py-2">
                <Status user={u} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap text-fg">{utc(u.lastSignInAt)}</td>
              <td className="px-3 py-2">
                <UserActions user={u} isSelf={u.id === currentUserId} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
