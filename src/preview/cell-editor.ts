/*
 * The preview grid's editor: jspreadsheet's custom cell type. A cell shows HyperFormula's value
 * (painted by the grid), its editor opens on the formula or constant as typed, or, for a cell
 * with data validation, on a drop-down of the allowed values, as Excel does.
 */
import jspreadsheet from "jspreadsheet-ce";
import type { Lang } from "../taskpane/i18n";

export type Worksheet = jspreadsheet.WorksheetInstance & {
  records: { element: HTMLTableCellElement }[][];
  options: { data: jspreadsheet.CellValue[][] };
  edition: unknown;
};

export interface CellEditorOptions {
  /** Paints a cell of the visible sheet (zero-based row and column). */
  paint: (td: HTMLTableCellElement, row: number, column: number) => void;
  /** The allowed values of a cell with data validation. */
  validation: (row: number, column: number) => string[] | undefined;
  lang: Lang;
  /** Adds formula help to the editor's text box; returns what removes it. */
  help?: (input: HTMLInputElement) => () => void;
}

const detachHelp = new WeakMap<HTMLElement, () => void>();

/** The one cell type of every grid cell. */
export function cellEditor({
  paint,
  validation,
  lang,
  help,
}: CellEditorOptions): jspreadsheet.CustomEditor {
  return {
    createCell(td, _value, x, y) {
      paint(td, y, x);
      return td;
    },
    updateCell(_td, value) {
      return value;
    },
    openEditor(td, value, x, y, instance, _options, e) {
      const list = validation(y, x);
      const typed = e instanceof KeyboardEvent && e.key.length === 1 && !e.ctrlKey && !e.metaKey;
      const rect = td.getBoundingClientRect();
      if (list && list.length && !typed) {
        // Data validation: a drop-down of the allowed values, as Excel shows it.
        const select = document.createElement("select");
        select.className = "sjuk-editor";
        select.setAttribute("aria-label", lang === "sv" ? "Välj ett värde" : "Choose a value");
        const current = String(value ?? "");
        for (const option of list.includes(current) || current === "" ? list : [current, ...list]) {
          const o = document.createElement("option");
          o.value = option;
          o.textContent = option;
          select.appendChild(o);
        }
        select.value = current;
        select.style.width = `${Math.max(rect.width - 2, 60)}px`;
        select.style.height = `${rect.height - 2}px`;
        td.classList.add("editor");
        td.textContent = "";
        td.appendChild(select);
        select.focus();
        select.onchange = () => {
          if ((instance as Worksheet).edition) instance.closeEditor(td, true);
        };
        select.onblur = () => {
          if ((instance as Worksheet).edition) instance.closeEditor(td, true);
        };
        return;
      }
      const input = document.createElement("input");
      input.type = "text";
      input.className = "sjuk-editor";
      input.setAttribute("aria-label", lang === "sv" ? "Redigera cellen" : "Edit the cell");
      input.value = typed ? "" : String(value ?? "");
      input.style.width = `${Math.max(rect.width - 4, 40)}px`;
      input.style.height = `${rect.height - 4}px`;
      input.style.border = "none";
      input.style.outline = "none";
      input.style.font = "inherit";
      td.classList.add("editor");
      td.textContent = "";
      td.appendChild(input);
      input.focus();
      if (help) detachHelp.set(input, help(input));
      input.onblur = () => {
        if ((instance as Worksheet).edition) instance.closeEditor(td, true);
      };
    },
    closeEditor(td) {
      const input = td.querySelector<HTMLInputElement | HTMLSelectElement>("input, select");
      const value = input ? input.value : "";
      if (input) {
        input.onblur = null;
        input.onchange = null;
        detachHelp.get(input)?.();
      }
      return value;
    },
  };
}

/** Tells jspreadsheet which sheet the keyboard is in (null: none, keys are not the grid's). */
export function setCurrent(ws: Worksheet | null) {
  (jspreadsheet as unknown as { current: unknown }).current = ws;
}

/** Selects a cell. Keyboard focus stays where it is (as in Excel when a task pane selects a range). */
export function selectCell(ws: Worksheet, row: number, column: number) {
  ws.updateSelectionFromCoords(column, row, column, row);
  const focus = document.activeElement;
  const inGrid =
    focus === null ||
    focus === document.body ||
    (ws.element as HTMLElement | undefined)?.contains(focus);
  setCurrent(inGrid ? ws : null);
  const td = ws.records[row]?.[column]?.element;
  td?.scrollIntoView({ block: "center", inline: "nearest" });
}
