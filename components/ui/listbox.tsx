"use client";

import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

/**
 * From this many items on, only the rows in view (plus the active and selected ones) are in the
 * DOM. Below it every row is rendered, as before, so a short list can be read whole by a screen
 * reader or another team's test suite; above it, the search box reaches any item.
 */
export const VIRTUAL_FROM = 200;

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
  /** Estimated row height in px for the virtual list (rows are measured once rendered). */
  rowHeight?: number;
}

/**
 * One tab stop per list: arrow keys move the active row, Enter selects it (WAI-ARIA listbox with
 * aria-activedescendant), so a telecommunicator can walk a list without reaching for the mouse.
 * Long lists are virtual (@tanstack/react-virtual): the list's parent element is its scroll
 * container; every rendered row keeps its data attributes and says where it sits
 * (aria-posinset/aria-setsize), and the list says how many items it holds (`data-count`).
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
  rowHeight = 52,
}: ListboxProps<T>) {
  const baseId = useId();
  const [activeKey, setActiveKey] = useState<string | null>(selectedKey);
  const keys = items.map(getKey);
  const activeIndex = activeKey === null ? -1 : keys.indexOf(activeKey);
  const selectedIndex = selectedKey === null ? -1 : keys.indexOf(selectedKey);
  const optionId = (key: string) => `${baseId}-${key}`;
  const virtual = items.length >= VIRTUAL_FROM;
  const listRef = useRef<HTMLUListElement>(null);

  // The active and selected rows stay rendered wherever the list is scrolled, so
  // aria-activedescendant always names an element that exists.
  const pinned = useRef<number[]>([]);
  pinned.current = [activeIndex, selectedIndex].filter((i) => i >= 0);
  const rangeExtractor = useCallback((range: Range) => {
    const shown = new Set(defaultRangeExtractor(range));
    for (const i of pinned.current) if (i < range.count) shown.add(i);
    return [...shown].sort((a, b) => a - b);
  }, []);
  const virtualizer = useVirtualizer({
    count: virtual ? items.length : 0,
    getScrollElement: () => listRef.current?.parentElement ?? null,
    estimateSize: () => rowHeight,
    overscan: 8,
    rangeExtractor,
    getItemKey: (i) => keys[i] ?? i,
  });

  // A selection made elsewhere (map click, search) becomes the keyboard position too.
  useEffect(() => {
    if (selectedKey !== null) setActiveKey(selectedKey);
  }, [selectedKey]);

  useEffect(() => {
    if (activeKey === null) return;
    if (virtual) {
      if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: "auto" });
      return;
    }
    document.getElementById(`${baseId}-${activeKey}`)?.scrollIntoView({ block: "nearest" });
    // Only a move of the active row scrolls; new data under it does not.
  }, [activeKey, baseId, virtual]);

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

  function renderRow(item: T, index: number, row: { start: number; index: number } | null) {
    const key = getKey(item);
    const selected = key === selectedKey;
    const active = key === activeKey;
    return (
      <li
        key={key}
        id={optionId(key)}
        role="option"
        aria-selected={selected}
        aria-setsize={items.length}
        aria-posinset={index + 1}
        onClick={() => {
          setActiveKey(key);
          onSelect(item);
        }}
        data-active={active || undefined}
        data-index={row ? row.index : undefined}
        ref={row ? virtualizer.measureElement : undefined}
        style={row ? { position: "absolute", top: 0, left: 0, width: "100%", transform: `translateY(${row.start}px)` } : undefined}
        className={`cursor-pointer border-l-4 px-3 py-2 ${
          selected ? "border-accent bg-selected" : "border-transparent hover:bg-hover"
        }`}
        {...itemData?.(item)}
      >
        {renderItem(item, { selected, active })}
      </li>
    );
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
        onFocus={(e) => {
          // Tabbing in starts at the selected (or first) row. A click focuses the list too, but its own
          // row is the one it means: moving to row 1 here would scroll the list under the pointer
          // before the button is released, and the click would land on no row at all.
          if (activeIndex < 0 && e.currentTarget.matches(":focus-visible")) move(Math.max(0, keys.indexOf(selectedKey ?? "")));
        }}
        className={`listbox outline-none focus-visible:ring-2 focus-visible:ring-focus focus-visible:ring-inset ${className}`}
        ref={listRef}
        data-count={items.length}
        data-virtual={virtual || undefined}
        style={virtual ? { height: virtualizer.getTotalSize(), position: "relative" } : undefined}
      >
        {virtual
          ? virtualizer.getVirtualItems().map((row) => renderRow(items[row.index] as T, row.index, row))
          : items.map((item, index) => renderRow(item, index, null))}
      </ul>
    </>
  );
}
