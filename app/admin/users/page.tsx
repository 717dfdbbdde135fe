import { CreateUserForm } from "@/components/admin/create-user-form";
import { ThrottledSources } from "@/components/admin/throttled-sources";
import { UserTable } from "@/components/admin/user-table";
import { PageShell } from "@/components/shell/page-shell";
import { pageAccess } from "@/components/shell/page-access";
import { listThrottledSources, SOURCE_POLICY } from "@/lib/auth/source-throttle";
import { listUsers } from "@/lib/auth/users";

export const dynamic = "force-dynamic";
export const metadata = { title: "Users · Dispatcher Map" };

export default async function UsersPage() {
  const { user, db, denied } = await pageAccess("admin", "/admin/users");
  if (denied) return denied;
  const [users, sources] = await Promise.all([listUsers(db), listThrottledSources(db, SOURCE_POLICY, new Date())]);
  return (
    <PageShell user={user} current="/admin/users">
      <div className="mx-auto flex max-w-6xl flex-col gap-6">
        <h1 className="text-xl font-semibold">Users</h1>
        <CreateUserForm />
        <UserTable users={users} currentUserId={user.id} />
        <ThrottledSources sources={sources} />
      </div>
    </PageShell>
  );
}
