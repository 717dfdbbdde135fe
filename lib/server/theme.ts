import "server-only";
import { cookies } from "next/headers";
import { parseThemeName, THEME_COOKIE, type ThemeName } from "@/lib/map/theme";

/** The theme this browser chose (dark unless it asked for light), so pages render in it at once. */
export async function requestTheme(): Promise<ThemeName> {
  return parseThemeName((await cookies()).get(THEME_COOKIE)?.value);
}
