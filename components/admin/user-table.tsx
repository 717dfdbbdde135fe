import type { UserView } from "@/lib/auth/users";
import { UserActions } from "./user-actions";

const utc = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "never");

function Status({ user }: { user: UserView }) {
  const badges: { text: string; className: string }[] = [];
  if (user.disabled) badges.push({ text: "disabled", className: "bg-slate-700 text-slate-200" });
  if (user.locked) badges.push({ text: "locked", className: "bg-red-900 text-red-100" });
  if (badges.length === 0) badges.push({ text: "active", className: "bg-emerald-900 text-emerald-100" });
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
    <div className="overflow-x-auto rounded-lg border border-slate-800">
      <table className="min-w-full divide-y divide-slate-800 text-sm">
        <caption className="sr-only">Staff accounts</caption>
        <thead className="bg-slate-900 text-left text-xs uppercase tracking-wide text-slate-400">
          <tr>
            <th scope="col" className="px-3 py-2">Account</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2">Last sign-in</th>
            <th scope="col" className="px-3 py-2">Role and actions</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-800">
          {users.map((u) => (
            <tr key={u.id} data-testid={`user-${u.email}`} className="align-top">
              <td className="px-3 py-2">
                <div className="font-medium text-slate-100">
                  {u.name}
                  {u.id === currentUserId && <span className="ml-1 text-xs text-slate-400">(you)</span>}
                </div>
                <div className="text-slate-400">{u.email}</div>
              </td>
              <td className="px-3 py-2">
                <Status user={u} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap text-slate-300">{utc(u.lastSignInAt)}</td>
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
