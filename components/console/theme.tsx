"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { mapTheme, THEME_COOKIE, type MapTheme, type ThemeName } from "@/lib/map/theme";


interface ThemeValue {
  name: ThemeName;
  tokens: MapTheme;
  toggle: () => void;
}

const ThemeContext = createContext<ThemeValue | null>(null);

export function ThemeProvider({ initial, children }: { initial: ThemeName; children: ReactNode }) {
  const [name, setName] = useState<ThemeName>(initial);

  useEffect(() => {
    document.documentElement.dataset.theme = name;
  }, [name]);

  const toggle = useCallback(() => {
    setName((current) => {
      const next: ThemeName = current === "dark" ? "light" : "dark";
      document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
      return next;
    });
  }, []);

  const value = useMemo(() => ({ name, tokens: mapTheme(name), toggle }), [name, toggle]);
  return <ThemeContext.Provider value={value}>{children}</ThemeContext.Provider>;
}

export function useTheme(): ThemeValue {
  const value = useContext(ThemeContext);
  if (!value) throw new Error("useTheme outside ThemeProvider");
  return value;
}
