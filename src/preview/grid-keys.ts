/*
 * The grid's Excel keys, on HyperFormula rather than on jspreadsheet's own data: Ctrl+C / Ctrl+X
 * / Ctrl+V (raw values out, formulas shifted on paste), Ctrl+D / Ctrl+R (fill down / right),
 * Ctrl+Z / Ctrl+Y (HyperFormula's undo and redo) and Delete (one step). They are caught before
 * jspreadsheet sees them (window, capture phase); jspreadsheet keeps moving the selection and
 * opening the editor. Ctrl+S (jspreadsheet's CSV download) does nothing, as the preview saves
 * nothing.
 */
import type { HyperFormula, SimpleCellRange } from "hyperformula";
import type { Lang } from "../taskpane/i18n";
import { GridClip, copyRange, fillRange, pasteText } from "./grid-clipboard";
import type { Worksheet } from "./cell-editor";

export interface GridKeysContext {
  hf: HyperFormula;
  /** The grid of the visible sheet, or null. */
  worksheet: () => Worksheet | null;
  /** True when the grid has the keyboard (jspreadsheet's current sheet). */
  active: () => boolean;
  sheetId: () => number | undefined;
  lang: () => Lang;
  /** Selects a block (zero-based rows and columns). */
  select: (row1: number, col1: number, row2: number, col2: number) => void;
  /** Says what went wrong (HyperFormula's reason), in the status area. */
  report: (message: string) => void;
  /** Repaints the grid (HyperFormula reports no changed values when cells only move). */
  changed: () => void;
}

/** The selected block of the visible sheet, ordered. */
export function selectedRange(ws: Worksheet, sheet: number): SimpleCellRange | undefined {
  const s = (ws as unknown as { selectedCell?: number[] }).selectedCell;
  if (!s || s.length < 4) return undefined;
  const [x1, y1, x2, y2] = s.map(Number) as [number, number, number, number];
  return {
    start: { sheet, row: Math.min(y1, y2), col: Math.min(x1, x2) },
    end: { sheet, row: Math.max(y1, y2), col: Math.max(x1, x2) },
  };
}

/** Puts text on the system clipboard from within a key press (a copy event the page answers). */
function writeClipboard(text: string): void {
  let written = false;
  const onCopy = (e: ClipboardEvent) => {
    e.clipboardData?.setData("text/plain", text);
    e.preventDefault();
    written = true;
  };
  document.addEventListener("copy", onCopy, true);
  try {
    document.execCommand("copy");
  } finally {
    document.removeEventListener("copy", onCopy, true);
  }
  if (!written) void navigator.clipboard?.writeText(text).catch(() => undefined);
}

/** Listens for the keys; returns what stops listening. */
export function installGridKeys(ctx: GridKeysContext): () => void {
  let clip: GridClip | undefined;

  const target = (): { ws: Worksheet; range: SimpleCellRange } | undefined => {
    const ws = ctx.worksheet();
    const sheet = ctx.sheetId();
    if (!ws || sheet === undefined || !ctx.active() || ws.edition) return undefined;
    const range = selectedRange(ws, sheet);
    return range ? { ws, range } : undefined;
  };

  const attempt = (work: () => void) => {
    try {
      work();
      ctx.report("");
    } catch (e) {
      ctx.report((e as Error).message);
    }
    ctx.changed();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (isTyping(e.target)) return;
    const t = target();
    if (!t) return;
    const { hf } = ctx;
    const { range } = t;
    const ctrl = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    let handled = true;
    if (ctrl && !e.altKey && (key === "c" || key === "x")) {
      attempt(() => {
        clip = copyRange(hf, range, ctx.lang(), key === "x");
        writeClipboard(clip.text);
      });
    } else if (ctrl && key === "v") {
      // The browser's paste event brings the clipboard's text (onPaste); jspreadsheet stays out.
      e.stopPropagation();
      return;
    } else if (ctrl && (key === "z" || key === "y")) {
      const redo = key === "y" || (key === "z" && e.shiftKey);
      attempt(() => {
        if (redo && hf.isThereSomethingToRedo()) hf.redo();
        else if (!redo && hf.isThereSomethingToUndo()) hf.undo();
      });
    } else if (ctrl && (key === "d" || key === "r")) {
      attempt(() => void fillRange(hf, range, key === "d" ? "down" : "right"));
    } else if (ctrl && key === "s") {
      // Nothing to save: the preview keeps the workbook in the page.
    } else if (!ctrl && (e.key === "Delete" || e.key === "Backspace")) {
      const rows = range.end.row - range.start.row + 1;
      const columns = range.end.col - range.start.col + 1;
      attempt(() =>
        hf.setCellContents(
          range.start,
          Array.from({ length: rows }, () => Array.from({ length: columns }, () => null))
        )
      );
    } else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const onPaste = (e: ClipboardEvent) => {
    if (isTyping(e.target)) return;
    const t = target();
    if (!t) return;
    e.preventDefault();
    e.stopPropagation();
    const text = e.clipboardData?.getData("text/plain") ?? "";
    if (!text) return;
    attempt(() => {
      const { rows, columns } = pasteText(ctx.hf, t.range.start, text, clip, ctx.lang());
      if (clip?.cut) clip = undefined;
      const { row, col } = t.range.start;
      ctx.select(row, col, row + rows - 1, col + columns - 1);
    });
  };

  window.addEventListener("keydown", onKeyDown, true);
  window.addEventListener("paste", onPaste, true);
  return () => {
    window.removeEventListener("keydown", onKeyDown, true);
    window.removeEventListener("paste", onPaste, true);
  };
}

/** Keys typed into a text box (the formula bar, the pane) are the text box's. */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    !target.classList.contains("jss_textarea") &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
  );
}
