/*
 * The preview's spreadsheet: a jspreadsheet-ce grid (MIT) over one sheet of the HyperFormula
 * workbook at a time, with Excel-like sheet tabs and a formula bar.
 *
 * HyperFormula is the workbook; the grid only shows it. Every cell uses one custom cell type:
 * the grid's data holds what the user typed (a formula or a constant, HyperFormula's serialized
 * content), the cell shows HyperFormula's computed value, and the editor opens on the formula.
 * An edit writes to HyperFormula; HyperFormula's events (valuesUpdated, sheetAdded, …) repaint
 * the visible sheet, so SJUK cells that depend on the edited cell show their new values.
 *
 * This file is the view (formula bar, grid, sheet tabs, and the grid's life with HyperFormula);
 * cell-format.ts says what a cell shows and how it looks; cell-editor.ts is the cell editor.
 */
import * as React from "react";
import jspreadsheet from "jspreadsheet-ce";
import type { HyperFormula } from "hyperformula";
import { Button, Input, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { replaceCellContents } from "../functions/hyperformula";
import { cellAddress, columnLetter, parseCell } from "../workbook/port";
import type { Lang } from "../taskpane/i18n";
import { Worksheet, cellEditor, selectCell, setCurrent } from "./cell-editor";
import {
  CellLook,
  columnWidth,
  displayValue,
  paintCellElement,
  parseInput,
  rawContent,
  widthFor,
} from "./cell-format";
import { attachFormulaHelp } from "./formula-help-ui";
import { installGridKeys } from "./grid-keys";
import { freezePanes } from "./frozen-panes";

export type { CellLook } from "./cell-format";

export interface SheetGridHandle {
  /** Activates `sheet` and selects `address` (e.g. "C12"), as Excel's range.select(). */
  select(sheet: string, address: string): void;
}

export interface SheetGridProps {
  hf: HyperFormula;
  lang: Lang;
  /** Number format and style of a cell (zero-based row/column), when known. */
  look?: (sheet: string, row: number, column: number) => CellLook | undefined;
  /** The rows and columns a sheet keeps in view when scrolled (its frozen panes). */
  frozen?: (sheet: string) => { rows: number; columns: number };
}

const MIN_COLUMNS = 12;
const MIN_ROWS = 40;
const SPARE = 3;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100%", minWidth: 0 },
  formulaBar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  nameBox: { width: "150px", flexShrink: 0 },
  formula: { flexGrow: 1 },
  // One line, always there: a message never moves the grid under the user's mouse.
  status: {
    height: "20px",
    lineHeight: "20px",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    padding: `0 ${tokens.spacingHorizontalS}`,
    color: tokens.colorPaletteRedForeground1,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  gridArea: {
    flexGrow: 1,
    overflow: "auto",
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  tabs: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowX: "auto",
    flexShrink: 0,
    paddingRight: tokens.spacingHorizontalS,
  },
  newSheet: {
    display: "flex",
    gap: tokens.spacingHorizontalXS,
    alignItems: "center",
    flexShrink: 0,
  },
});

/** ARIA for the grid's table: a grid named after its sheet, with column and row headers. */
function labelGrid(el: HTMLElement, sheet: string, lang: Lang): void {
  const table = el.querySelector("table.jss_worksheet");
  if (!table) return;
  table.setAttribute("role", "grid");
  table.setAttribute("aria-label", `${lang === "sv" ? "Blad" : "Sheet"} ${sheet}`);
  for (const td of table.querySelectorAll(":scope > thead > tr > td"))
    td.setAttribute("role", "columnheader");
  for (const td of table.querySelectorAll(":scope > tbody > tr > td:first-child"))
    td.setAttribute("role", "rowheader");
}

export const SheetGrid = React.forwardRef<SheetGridHandle, SheetGridProps>(function SheetGrid(
  { hf, lang, look, frozen },
  ref
) {
  const styles = useStyles();
  const host = React.useRef<HTMLDivElement>(null);
  const worksheet = React.useRef<Worksheet | null>(null);
  const size = React.useRef<{ rows: number; columns: number }>({ rows: 0, columns: 0 });
  const widths = React.useRef<number[]>([]);
  const formulaInput = React.useRef<HTMLInputElement>(null);
  /** True while the user edits in the formula bar: the grid's repaints leave the text alone. */
  const barEditing = React.useRef(false);
  const [problem, setProblem] = React.useState("");
  const [tick, setTick] = React.useState(0);
  const pending = React.useRef<{ row: number; column: number } | null>(null);
  const [sheets, setSheets] = React.useState<string[]>(() => hf.getSheetNames());
  const [active, setActive] = React.useState<string>(() => hf.getSheetNames()[0] ?? "");
  const [build, setBuild] = React.useState(0);
  const [selected, setSelected] = React.useState<{ row: number; column: number } | null>(null);
  const [formula, setFormula] = React.useState("");
  const [newSheet, setNewSheet] = React.useState("");
  const langRef = React.useRef(lang);
  langRef.current = lang;
  const lookRef = React.useRef(look);
  lookRef.current = look;
  const frozenRef = React.useRef(frozen);
  frozenRef.current = frozen;
  const activeRef = React.useRef(active);
  activeRef.current = active;
  const selectedRef = React.useRef(selected);
  selectedRef.current = selected;

  const sheetId = React.useCallback(() => hf.getSheetId(activeRef.current), [hf]);

  const paintCell = React.useCallback(
    (td: HTMLTableCellElement, row: number, col: number) => {
      const id = sheetId();
      if (id === undefined) return;
      const shown = displayValue(
        hf,
        id,
        row,
        col,
        langRef.current,
        lookRef.current?.(activeRef.current, row, col)
      );
      paintCellElement(
        td,
        shown,
        lookRef.current?.(activeRef.current, row, col)?.style,
        widths.current[col]
      );
    },
    [hf, sheetId]
  );

  /** Repaints every cell of the visible sheet from HyperFormula; rebuilds when the sheet outgrew the grid. */
  const repaint = React.useCallback(() => {
    const ws = worksheet.current;
    const id = sheetId();
    if (!ws || id === undefined) return;
    const dims = hf.getSheetDimensions(id);
    if (dims.height > size.current.rows || dims.width > size.current.columns) {
      setBuild((b) => b + 1);
      return;
    }
    for (let r = 0; r < size.current.rows; r++) {
      for (let c = 0; c < size.current.columns; c++) {
        const td = ws.records[r]?.[c]?.element;
        if (!td || td.classList.contains("editor")) continue;
        ws.options.data[r]![c] = rawContent(hf, id, r, c, langRef.current);
        paintCell(td, r, c);
      }
    }
    const sel = selectedRef.current;
    if (sel && !barEditing.current)
      setFormula(rawContent(hf, id, sel.row, sel.column, langRef.current));
    setTick((t) => t + 1);
  }, [hf, paintCell, sheetId]);

  /** Writes what the user typed (in the cell or the formula bar) into a cell of the visible sheet. */
  const writeCell = React.useCallback(
    (row: number, col: number, text: string) => {
      const sheet = hf.getSheetId(activeRef.current);
      if (sheet === undefined) return;
      try {
        hf.batch(() =>
          replaceCellContents(hf, { sheet, row, col }, parseInput(text, langRef.current))
        );
        setProblem("");
      } catch (err) {
        // A formula HyperFormula cannot parse stays as the user typed it, shown as an error.
        hf.batch(() => replaceCellContents(hf, { sheet, row, col }, text));
        console.warn(err);
      }
      // As Excel widens a column for a number entered into it; other numbers show ####.
      const look = lookRef.current?.(activeRef.current, row, col);
      const shown = displayValue(hf, sheet, row, col, langRef.current, look);
      const needed = widthFor(shown.text, look?.style);
      if (shown.kind === "number" && needed > (widths.current[col] ?? 0)) {
        widths.current[col] = needed;
        worksheet.current?.setWidth(col, needed);
      }
    },
    [hf]
  );

  /** Gives the keyboard back to the grid (after the formula bar). */
  const focusGrid = React.useCallback(() => {
    // jspreadsheet makes the host itself its focusable root (class jss_spreadsheet, tabIndex 0);
    // a click outside the grid dropped its selection, so the active cell is selected again.
    const ws = worksheet.current;
    const sel = selectedRef.current;
    host.current?.focus();
    if (ws && sel) ws.updateSelectionFromCoords(sel.column, sel.row, sel.column, sel.row);
    if (ws) setCurrent(ws);
  }, []);

  // HyperFormula's events: new, removed or renamed sheets change the tabs; new values repaint.
  React.useEffect(() => {
    let scheduled = false;
    const schedule = () => {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        const names = hf.getSheetNames();
        setSheets((old) => (old.join("\u0000") === names.join("\u0000") ? old : names));
        if (!names.includes(activeRef.current) && names[0] !== undefined) setActive(names[0]);
        repaint();
      });
    };
    const events = [
      "valuesUpdated",
      "sheetAdded",
      "sheetRemoved",
      "sheetRenamed",
      "namedExpressionAdded",
      "namedExpressionRemoved",
      "evaluationResumed",
    ] as const;
    for (const e of events) hf.on(e, schedule);
    return () => {
      for (const e of events) hf.off(e, schedule);
    };
  }, [hf, repaint]);

  // Builds the grid for the active sheet.
  React.useEffect(() => {
    const el = host.current;
    const id = hf.getSheetId(active);
    if (!el || id === undefined) return;
    const dims = hf.getSheetDimensions(id);
    const rows = Math.max(MIN_ROWS, dims.height + SPARE);
    const columns = Math.max(MIN_COLUMNS, dims.width + SPARE);
    size.current = { rows, columns };
    const data: string[][] = [];
    for (let r = 0; r < rows; r++) {
      const row: string[] = [];
      for (let c = 0; c < columns; c++) row.push(rawContent(hf, id, r, c, langRef.current));
      data.push(row);
    }
    const cellType = cellEditor({
      paint: paintCell,
      validation: (row, column) => lookRef.current?.(activeRef.current, row, column)?.validation,
      lang,
      help: (input) => attachFormulaHelp(input, langRef.current),
    });
    widths.current = Array.from({ length: columns }, (_, c) =>
      columnWidth(hf, id, c, dims.height, langRef.current, (row) =>
        lookRef.current?.(active, row, c)
      )
    );
    const columnDefs: jspreadsheet.Column[] = widths.current.map((width, c) => ({
      type: cellType,
      title: columnLetter(c),
      align: "left",
      width,
    }));
    el.innerHTML = "";
    const worksheets = withoutInlineHandlers(() =>
      jspreadsheet(el, {
        tabs: false,
        toolbar: false,
        parseFormulas: false,
        worksheets: [
          {
            worksheetName: active,
            data,
            columns: columnDefs,
            minDimensions: [columns, rows],
            allowInsertColumn: false,
            allowInsertRow: false,
            allowDeleteColumn: false,
            allowDeleteRow: false,
            allowRenameColumn: false,
            columnSorting: false,
            columnDrag: false,
            rowDrag: false,
            defaultRowHeight: 24,
            // Text runs on into empty cells to its right, as in Excel.
            textOverflow: true,
            // Fill is Ctrl+D / Ctrl+R on HyperFormula (grid-keys.ts), which shifts references.
            selectionCopy: false,
          },
        ],
        onchange(instance, td, x, y, newValue) {
          const row = Number(y);
          const col = Number(x);
          writeCell(row, col, String(newValue ?? ""));
          paintCell(td, row, col);
          repaint();
        },
        onselection(_instance, x1, y1) {
          const id2 = hf.getSheetId(activeRef.current);
          barEditing.current = false;
          setSelected({ row: y1, column: x1 });
          if (id2 !== undefined) setFormula(rawContent(hf, id2, y1, x1, langRef.current));
        },
        contextMenu: () => null,
      } as jspreadsheet.SpreadsheetOptions)
    ) as unknown as Worksheet[];
    worksheet.current = worksheets[0] ?? null;
    labelGrid(el, active, lang);
    const panes = frozenRef.current?.(active);
    if (worksheet.current && panes) {
      el.scrollTo(0, 0);
      freezePanes(worksheet.current, el, panes.rows, panes.columns);
    }
    const target = pending.current;
    pending.current = null;
    if (target && worksheet.current) selectCell(worksheet.current, target.row, target.column);
    return () => {
      worksheet.current = null;
      jspreadsheet.destroy(el as unknown as jspreadsheet.JspreadsheetInstanceElement, false);
      el.innerHTML = "";
    };
  }, [hf, active, build, sheets]);

  // Keys typed outside the grid (the task pane, the formula bar) are not the grid's: jspreadsheet
  // listens on the whole document, so it forgets its current sheet when focus leaves the grid.
  React.useEffect(() => {
    const onFocus = (e: FocusEvent) => {
      if (host.current && e.target instanceof Node && !host.current.contains(e.target))
        setCurrent(null);
    };
    document.addEventListener("focusin", onFocus, true);
    return () => document.removeEventListener("focusin", onFocus, true);
  }, []);

  // Language changes only what cells show.
  React.useEffect(() => repaint(), [lang, repaint]);

  // Excel's keys on the grid: clipboard, fill, undo/redo, Delete (grid-keys.ts).
  React.useEffect(
    () =>
      installGridKeys({
        hf,
        worksheet: () => worksheet.current,
        active: () =>
          worksheet.current !== null &&
          (jspreadsheet as unknown as { current: unknown }).current === worksheet.current,
        sheetId,
        lang: () => langRef.current,
        select: (r1, c1, r2, c2) => worksheet.current?.updateSelectionFromCoords(c1, r1, c2, r2),
        report: setProblem,
        changed: () => repaint(),
      }),
    [hf, sheetId, repaint]
  );

  // Formula help in the formula bar too.
  React.useEffect(() => {
    const input = formulaInput.current;
    return input ? attachFormulaHelp(input, lang) : undefined;
  }, [lang]);

  React.useImperativeHandle(
    ref,
    () => ({
      select(sheet: string, address: string) {
        const { row, column } = parseCell(address);
        if (sheet !== activeRef.current || !worksheet.current) {
          pending.current = { row, column };
          setActive(sheet);
          return;
        }
        selectCell(worksheet.current, row, column);
      },
    }),
    []
  );

  const id = hf.getSheetId(active);
  const nameBox = selected ? `${active}!${cellAddress(selected.row, selected.column)}` : active;
  // The selected cell's error and its reason, where the user looks (not only in a tooltip).
  const shown =
    selected && id !== undefined && tick >= 0
      ? displayValue(hf, id, selected.row, selected.column, lang)
      : undefined;
  const status = problem || (shown?.kind === "error" ? `${shown.text}: ${shown.title ?? ""}` : "");

  const commitBar = () => {
    const sel = selectedRef.current;
    barEditing.current = false;
    if (!sel) return;
    writeCell(sel.row, sel.column, formula);
    repaint();
    focusGrid();
  };
  const cancelBar = () => {
    barEditing.current = false;
    const sel = selectedRef.current;
    if (sel && id !== undefined) setFormula(rawContent(hf, id, sel.row, sel.column, lang));
    focusGrid();
  };

  return (
    <section className={styles.root} aria-label={lang === "sv" ? "Kalkylblad" : "Spreadsheet"}>
      <div className={styles.formulaBar}>
        <Input
          className={styles.nameBox}
          readOnly
          value={nameBox}
          aria-label={lang === "sv" ? "Namnruta" : "Name box"}
          data-testid="name-box"
          size="small"
        />
        <Text aria-hidden>fx</Text>
        <Input
          ref={formulaInput}
          className={styles.formula}
          readOnly={!selected}
          value={id === undefined ? "" : formula}
          onFocus={() => (barEditing.current = true)}
          onChange={(_e, d) => {
            barEditing.current = true;
            setFormula(d.value);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              commitBar();
            } else if (e.key === "Escape") {
              e.preventDefault();
              cancelBar();
            }
          }}
          aria-label={lang === "sv" ? "Formelfält" : "Formula bar"}
          data-testid="formula-bar"
          size="small"
        />
      </div>
      <div className={styles.status} role="status" title={status} data-testid="cell-status">
        {status}
      </div>
      <div className={styles.gridArea} ref={host} data-testid="grid" data-sheet={active} />
      <div className={styles.tabs}>
        <TabList
          size="small"
          selectedValue={active}
          onTabSelect={(_e, d) => {
            setSelected(null);
            setFormula("");
            setActive(String(d.value));
          }}
          aria-label={lang === "sv" ? "Blad" : "Sheets"}
        >
          {sheets.map((name) => (
            <Tab key={name} value={name} data-testid={`sheet-tab-${name}`}>
              {name}
            </Tab>
          ))}
        </TabList>
        <form
          className={styles.newSheet}
          onSubmit={(e) => {
            e.preventDefault();
            const name = newSheet.trim();
            if (!name) return;
            if (hf.isItPossibleToAddSheet(name)) {
              hf.addSheet(name);
              setNewSheet("");
              setActive(name);
            }
          }}
        >
          <Input
            size="small"
            value={newSheet}
            onChange={(_e, d) => setNewSheet(d.value)}
            placeholder={lang === "sv" ? "Nytt blad" : "New sheet"}
            aria-label={lang === "sv" ? "Namn på nytt blad" : "Name of a new sheet"}
            data-testid="new-sheet-name"
          />
          <Button
            size="small"
            type="submit"
            icon={<span aria-hidden>+</span>}
            aria-label={lang === "sv" ? "Lägg till blad" : "Add a sheet"}
            data-testid="add-sheet"
          />
        </form>
      </div>
    </section>
  );
});

/**
 * jspreadsheet sets `onselectstart="return false"` on its corner: an inline handler, which the
 * page's Content-Security-Policy (script-src 'self') refuses and Chromium reports as a violation
 * the moment it is set. While the grid is built, an on* attribute becomes the same listener.
 */
function withoutInlineHandlers<T>(build: () => T): T {
  const setAttribute = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
    if (name.toLowerCase() !== "onselectstart") return setAttribute.call(this, name, value);
    if (value.trim() === "return false")
      this.addEventListener("selectstart", (e) => e.preventDefault());
  };
  try {
    return build();
  } finally {
    Element.prototype.setAttribute = setAttribute;
  }
}
