import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { signInWithOidcAction } from "@/lib/auth/actions";
import { safeNextPath } from "@/lib/auth/messages";
import { currentPageUser } from "@/lib/auth/page";
import { signInNotice } from "@/lib/auth/sign-in-notice";
import { getConfig } from "@/lib/config/env";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in · Dispatcher Map" };

type Search = Record<string, string | string[] | undefined>;

export default async function SignInPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const next = safeNextPath(search.next);
  if (await currentPageUser()) redirect(next);
  const { notice, error } = await signInNotice(search);
  const { auth, sandbox } = getConfig();

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
        {sandbox.enabled && (
          <p className="mt-4 text-xs text-muted">
            Sandbox mode: the demo accounts and their password are printed in the server&apos;s start-up log.
          </p>
        )}
      </div>
    </main>
  );
}
