export const fieldClass =
  "rounded-md border border-slate-600 bg-slate-900 px-2 py-1.5 text-sm text-slate-100 " +
  "focus:border-sky-400 focus:outline-none focus:ring-2 focus:ring-sky-400/40";

export const buttonClass =
  "rounded-md border border-slate-600 px-2.5 py-1 text-sm text-slate-100 hover:bg-slate-800 " +
  "focus:outline-none focus:ring-2 focus:ring-sky-400 disabled:opacity-50";

export const primaryButtonClass =
  "rounded-md bg-sky-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-sky-500 " +
  "focus:outline-none focus:ring-2 focus:ring-sky-300 disabled:opacity-60";
