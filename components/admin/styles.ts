export const fieldClass =
  "rounded-md border border-line bg-raised px-2 py-1.5 text-sm text-fg " +
  "focus:border-focus focus:outline-none focus:ring-2 focus:ring-focus/40";

export const buttonClass =
  "rounded-md border border-line px-2.5 py-1 text-sm text-fg hover:bg-sunken " +
  "focus:outline-none focus:ring-2 focus:ring-focus disabled:opacity-50";

export const primaryButtonClass =
  "rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-accent-fg hover:opacity-90 " +
  "focus:outline-none focus:ring-2 focus:ring-focus disabled:opacity-60";
