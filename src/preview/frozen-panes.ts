/*
 * Excel's frozen panes in the preview grid: the first rows (down to the table headers) and the
 * first columns (the regions) of an input sheet stay in view when the grid scrolls. The cells
 * are made sticky (CSS position: sticky) inside the grid's scrolling area; jspreadsheet's own
 * freezeColumns needs a fixed-height table of its own and has no frozen rows.
 */
import type { Worksheet } from "./cell-editor";

type Sheet = Worksheet & {
  thead: HTMLElement;
  headers: HTMLElement[];
  rows: { element: HTMLTableRowElement }[];
};

function stick(el: HTMLElement, at: { top?: number; left?: number }, layer: number): void {
  el.style.position = "sticky";
  if (at.top !== undefined) el.style.top = `${at.top}px`;
  if (at.left !== undefined) el.style.left = `${at.left}px`;
  el.style.zIndex = String(layer);
  el.classList.add("sjuk-frozen");
}

/**
 * Keeps `rows` rows and `columns` columns (and the row numbers beside them) of the grid in view
 * while `scroller` (the grid's scrolling area, scrolled to the top left) scrolls.
 */
export function freezePanes(
  worksheet: Worksheet,
  scroller: HTMLElement,
  rows: number,
  columns: number
): void {
  if (rows <= 0 && columns <= 0) return;
  const ws = worksheet as Sheet;
  const trs = ws.rows.map((r) => r.element);
  const headerRow = ws.thead.lastElementChild as HTMLTableRowElement | null;
  // Where each frozen cell sits inside the scrolling area: measured first, then written (one layout).
  const origin = scroller.getBoundingClientRect();
  const top0 = origin.top + scroller.clientTop - scroller.scrollTop;
  const left0 = origin.left + scroller.clientLeft - scroller.scrollLeft;
  const tops = trs.slice(0, rows).map((tr) => tr.getBoundingClientRect().top - top0);
  // The column headers stay where they are too, so that no scrolled row shows above the frozen ones.
  const headerTop = headerRow ? headerRow.getBoundingClientRect().top - top0 : 0;
  const lefts = Array.from({ length: columns + 1 }, (_, c) => {
    const cell = trs[0]?.children[c] as HTMLElement | undefined;
    return (cell?.getBoundingClientRect().left ?? left0) - left0;
  });
  // Layers: scrolled cells < frozen columns < frozen rows < their corner < column headers. Within
  // a layer a cell lies above the ones to its right, so that its text runs on over empty
  // neighbours as in Excel (never a number: a number too wide shows ####).
  const width = trs[0]?.children.length ?? 0;
  trs.forEach((tr, r) => {
    const top = r < rows ? tops[r] : undefined;
    // c = 0 is the row number; the frozen columns follow it.
    for (let c = 0; c <= columns; c++) {
      const td = tr.children[c] as HTMLElement | undefined;
      if (td) stick(td, { top, left: lefts[c] }, (top !== undefined ? 2 * width : 0) + width - c);
    }
    if (top !== undefined)
      for (let c = columns + 1; c < width; c++)
        stick(tr.children[c] as HTMLElement, { top }, width + width - c);
  });
  if (headerRow)
    Array.from(headerRow.children as HTMLCollectionOf<HTMLElement>).forEach((td, c) => {
      if (c <= columns) stick(td, { top: headerTop, left: lefts[c] }, 4 * width);
      else td.style.top = `${headerTop}px`;
    });
  ws.thead.style.setProperty("--sjuk-header-layer", String(3 * width));
}
