"use client";

import { useEffect, useId, useState, type KeyboardEvent, type ReactNode } from "react";

export interface ListboxProps<T> {
  label: string;
  /** For focusing the list from elsewhere (e.g. after a search). */
  id?: string;
  items: readonly T[];
  getKey: (item: T) => string;
  selectedKey: string | null;
  onSelect: (item: T) => void;
  /** Esc inside the list; the console's global Esc clears selections as well. */
  onClear?: () => void;
  renderItem: (item: T, state: { selected: boolean; active: boolean }) => ReactNode;
  /** Data attributes that mirror the map for screen readers and tests. */
  itemData?: (item: T) => Record<`data-${string}`, string | number | undefined>;
  empty: ReactNode;
  className?: string;
}

/**
 * One tab stop per list: arrow keys move the active row, Enter selects it (WAI-ARIA listbox with
 * aria-activedescendant), so a telecommunicator can walk a list without reaching for the mouse.
 */
export function Listbox<T>({
  label,
  id,
  items,
  getKey,
  selectedKey,
  onSelect,
  onClear,
  renderItem,
  itemData,
  empty,
  className = "",
}: ListboxProps<T>) {
  const baseId = useId();
  const [activeKey, setActiveKey] = useState<string | null>(selectedKey);
  const keys = items.map(getKey);
  const activeIndex = activeKey === null ? -1 : keys.indexOf(activeKey);
  const optionId = (key: string) => `${baseId}-${key}`;

  // A selection made elsewhere (map click, search) becomes the keyboard position too.
  useEffect(() => {
    if (selectedKey !== null) setActiveKey(selectedKey);
  }, [selectedKey]);

  useEffect(() => {
    if (activeKey === null) return;
    document.getElementById(`${baseId}-${activeKey}`)?.scrollIntoView({ block: "nearest" });
  }, [activeKey, baseId]);

  function move(to: number) {
    if (keys.length === 0) return;
    const i = Math.max(0, Math.min(keys.length - 1, to));
    setActiveKey(keys[i] ?? null);
  }

  function onKeyDown(e: KeyboardEvent<HTMLUListElement>) {
    switch (e.key) {
      case "ArrowDown":
        move(activeIndex < 0 ? 0 : activeIndex + 1);
        break;
      case "ArrowUp":
        move(activeIndex < 0 ? keys.length - 1 : activeIndex - 1);
        break;
      case "Home":
        move(0);
        break;
      case "End":
        move(keys.length - 1);
        break;
      case "Enter":
      case " ": {
        const item = activeIndex >= 0 ? items[activeIndex] : undefined;
        if (item !== undefined) onSelect(item);
        break;
      }
      case "Escape":
        if (!onClear) return;
        onClear();
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  }

  // The list element stays mounted while empty: focus moved to it (after a search, before the
  // first rows arrive) must not land on nothing.
  return (
    <>
      {items.length === 0 ? <div className="px-3 py-2 text-sm text-muted">{empty}</div> : null}
      <ul
        id={id}
        role="listbox"
        aria-label={label}
        tabIndex={0}
        aria-activedescendant={activeIndex >= 0 && activeKey !== null ? optionId(activeKey) : undefined}
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (activeIndex < 0) move(Math.max(0, keys.indexOf(selectedKey ?? "")));
        }}
        className={`listbox outline-none focus-visible:ring-2 focus-visible:ring-focus focus-visible:ring-inset ${className}`}
      >
        {items.map((item) => {
          const key = getKey(item);
          const selected = key === selectedKey;
          const active = key === activeKey;
          return (
            <li
              key={key}
              id={optionId(key)}
              role="option"
              aria-selected={selected}
              onClick={() => {
                setActiveKey(key);
                onSelect(item);
              }}
              data-active={active || undefined}
              className={`cursor-pointer border-l-4 px-3 py-2 ${
                selected ? "border-accent bg-selected" : "border-transparent hover:bg-hover"
              }`}
              {...itemData?.(item)}
            >
              {renderItem(item, { selected, active })}
            </li>
          );
        })}
      </ul>
    </>
  );
}
