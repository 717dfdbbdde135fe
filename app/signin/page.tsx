import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { signInWithOidcAction } from "@/lib/auth/actions";
import { safeNextPath } from "@/lib/auth/messages";
import { initialAccounts } from "@/lib/auth/initial-accounts";
import { currentPageUser } from "@/lib/auth/page";
import { signInNotice } from "@/lib/auth/sign-in-notice";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { demoAccountsHint, type DemoAccountsHint } from "./demo-accounts";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in · Dispatcher Map" };

type Search = Record<string, string | string[] | undefined>;

export default async function SignInPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const next = safeNextPath(search.next);
  if (await currentPageUser()) redirect(next);
  const { notice, error } = await signInNotice(search);
  const { auth, sandbox } = getConfig();
  const demo = sandbox.enabled ? await demoAccountsHint(await getDb(), await initialAccounts(), sandbox.enabled) : null;

  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-line bg-raised/80 p-6 shadow-xl">
        <h1 className="text-xl font-semibold">Sign in to Dispatcher Map</h1>
        {notice && (
          <p role="status" className="mt-4 rounded-md border border-line bg-selected px-3 py-2 text-sm text-fg">
            {notice}
          </p>
        )}
        <div className="mt-4">
          <SignInForm next={next} initialError={error} />
        </div>
        {auth.oidc && (
          <form action={signInWithOidcAction} className="mt-4 border-t border-line pt-4">
            <input type="hidden" name="next" value={next} />
            <button
              type="submit"
              className="w-full rounded-md border border-line px-4 py-2 text-fg hover:bg-sunken focus:outline-none focus:ring-2 focus:ring-focus"
            >
              Sign in with {auth.oidc.name}
            </button>
          </form>
        )}
        {demo ? (
          <DemoAccounts demo={demo} />
        ) : sandbox.enabled ? (
          <p className="mt-4 text-xs text-muted">Sandbox mode: no demo account is available; the server&apos;s start-up log says why.</p>
        ) : null}
      </div>
    </main>
  );
}

/** Sandbox only: the demo accounts, so a newcomer who opens the URL needs no server log. */
function DemoAccounts({ demo }: { demo: DemoAccountsHint }) {
  return (
    <section aria-labelledby="demo-accounts-title" className="mt-4 border-t border-line pt-4 text-sm">
      <h2 id="demo-accounts-title" className="font-semibold text-fg">
        Demo accounts
      </h2>
      <p className="mt-1 text-xs text-muted">Sandbox mode: simulated upstreams, one account per role.</p>
      <table className="mt-2 w-full text-left" aria-labelledby="demo-accounts-title">
        <thead className="text-xs text-muted">
          <tr>
            <th scope="col" className="py-0.5 font-medium">Role</th>
            <th scope="col" className="py-0.5 font-medium">E-mail</th>
          </tr>
        </thead>
        <tbody>
          {demo.accounts.map((a) => (
            <tr key={a.email} data-role={a.role}>
              <td className="py-0.5 pr-3 text-fg">{a.role}</td>
              <td className="py-0.5 font-mono text-[13px] text-fg select-all">{a.email}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-fg">
        Password for each: <code className="font-mono text-[13px] select-all" data-testid="demo-password">{demo.password}</code>
      </p>
    </section>
  );
}
