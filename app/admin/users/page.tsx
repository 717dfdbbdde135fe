import { CreateUserForm } from "@/components/admin/create-user-form";
import { UserTable } from "@/components/admin/user-table";
import { Forbidden } from "@/components/auth/forbidden";
import { PageShell } from "@/components/shell/page-shell";
import { requirePageUser } from "@/lib/auth/page";
import { listUsers } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";
export const metadata = { title: "Users · Dispatcher Map" };

export default async function UsersPage() {
  const access = await requirePageUser("admin", "/admin/users");
  if (!access.allowed) {
    return (
      <PageShell user={access.user}>
        <Forbidden needed={access.needed} />
      </PageShell>
    );
  }
  const users = await listUsers(await getDb());
  return (
    <PageShell user={access.user} current="/admin/users">
      <div className="mx-auto flex max-w-6xl flex-col gap-6">
        <h1 className="text-xl font-semibold">Users</h1>
        <CreateUserForm />
        <UserTable users={users} currentUserId={access.user.id} />
      </div>
    </PageShell>
  );
}
