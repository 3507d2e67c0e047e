import { AGREEMENTS, GRANT_DECISIONS } from "../../src/agreements";
import { paymentCalendar, toExcelSerial } from "../../src/engine/calendar";
import { formatProblem, problemText } from "../../src/core/errors";
import { deadlineNote } from "../../src/engine/ledger";
import {
  insertGrantSheets,
  ledgerFromSheet,
  readLedgerEntries,
} from "../../src/workbook/assignment-insert";
import {
  CALENDAR,
  DEFAULT_GRANT_SHEET_NAMES,
  GRANT_LEDGER,
  calendarSheet,
  grantLedgerSheet,
} from "../../src/workbook/assignment-sheets";
import { sheetGrid } from "../../src/workbook/excel-port";
import { HyperFormulaPort } from "../../src/workbook/hyperformula-port";
import { insertSheets } from "../../src/workbook/agreement-insert";
import { OWNED_SHEETS_SETTING, parseCell, parseRange, tableRange } from "../../src/workbook/port";

const sv = DEFAULT_GRANT_SHEET_NAMES.sv;
const L = GRANT_LEDGER;

async function value(port: HyperFormulaPort, sheet: string, cell: string) {
  return (await port.readRange(sheet, cell))[0]![0];
}

async function fresh(asOf = "2024-10-01") {
  const port = new HyperFormulaPort();
  const result = await insertGrantSheets(port, { language: "sv", asOf });
  return { port, result };
}

/** The ledger example of issue 6: 500 000 kr requisitioned on 2024-11-20, 430 000 kr spent. */
async function enterExample(port: HyperFormulaPort) {
  await port.writeCells(sv.grant, [
    { address: L.cell(2024, "requisitioned"), value: 500_000 },
    { address: L.cell(2024, "requisitionDate"), value: toExcelSerial("2024-11-20") },
    { address: L.cell(2024, "spent"), value: 430_000 },
  ]);
}

describe("the grant ledger sheet", () => {
  test("insert writes Bidrag and Kalender, records them as owned, and every formula evaluates", async () => {
    const { port, result } = await fresh();
    expect(await port.listSheets()).toEqual(["Bidrag", "Kalender"]);
    expect(result.created).toEqual(["Bidrag", "Kalender"]);
    expect(result.messages).toEqual([]);
    expect(await port.readSetting(OWNED_SHEETS_SETTING)).toEqual([
      { role: "grant", name: "Bidrag" },
      { role: "calendar", name: "Kalender" },
    ]);
    // Granted: 500 000 kr for 2024; the planned years are not granted until confirmed.
    expect(await value(port, sv.grant, L.cell(2024, "granted"))).toBe(500_000);
    expect(await value(port, sv.grant, L.cell(2025, "granted"))).toBe(0);
    expect(await value(port, sv.grant, L.cell(2026, "granted"))).toBe(0);
    for (const y of [2024, 2025, 2026])
      expect(await value(port, sv.grant, L.cell(y, "toRepay"))).toBe(0);
    // Deadlines: dates from SJUK.DEADLINE, statuses from SJUK.STATUS against the as-of cell.
    expect(await value(port, sv.grant, L.asOfCell)).toBe(toExcelSerial("2024-10-01"));
    expect(await value(port, sv.grant, L.deadlineCell("requisition-2024", "date"))).toBe(
      toExcelSerial("2024-12-01")
    );
    expect(await value(port, sv.grant, L.deadlineCell("final-report", "date"))).toBe(
      toExcelSerial("2026-12-15")
    );
    expect(await value(port, sv.grant, L.deadlineCell("requisition-2024", "status"))).toBe(
      "61 dagar kvar"
    );
    // No cell of the sheet is an error.
    const all = await port.readRange(sv.grant, `A1:J${L.lastDeadlineRow}`);
    expect(all.flat().filter((v) => typeof v === "string" && v.startsWith("#"))).toEqual([]);
    expect(port.formatAt(sv.grant, L.cell(2024, "toRepay"))).toBe('#,##0 "kr"');
    expect(port.formatAt(sv.grant, L.cell(2024, "requisitionDate"))).toBe("yyyy-mm-dd");
    expect(port.formatAt(sv.grant, L.asOfCell)).toBe("yyyy-mm-dd");
    // The Riksdag's appropriation is an amount in kronor (blank until it is decided).
    expect(port.formatAt(sv.grant, L.cell(2025, "confirmed"))).toBe('#,##0 "kr"');
    expect(await value(port, sv.grant, L.cell(2025, "confirmed"))).toBe(null);
    expect(String(await value(port, sv.grant, "C2"))).toContain("=IDAG()");
    // The formulas are the SJUK functions.
    expect((await port.readFormulas(sv.grant, L.cell(2024, "granted")))[0]![0]).toContain(
      "SJUK.GRANT("
    );
    expect((await port.readFormulas(sv.grant, L.cell(2024, "toRepay")))[0]![0]).toContain(
      "SJUK.REPAY("
    );
    expect(
      (await port.readFormulas(sv.grant, L.deadlineCell("final-report", "status")))[0]![0]
    ).toBe(`=SJUK.STATUS("final-report",$B$2,${L.deadlineCell("final-report", "doneOn")},"sv")`);
    // A fresh sheet has no problems.
    const sheet = await ledgerFromSheet(port);
    expect(sheet!.problems).toEqual([]);
  });

  test("500 000 kr requisitioned on 2024-11-20 and 430 000 kr spent: 70 000 kr to repay by 2025-03-31", async () => {
    const { port } = await fresh();
    await enterExample(port);
    await port.writeCells(sv.grant, [{ address: L.asOfCell, value: toExcelSerial("2024-12-15") }]);
    expect(await value(port, sv.grant, L.cell(2024, "toRepay"))).toBe(70_000);
    expect(await value(port, sv.grant, L.deadlineCell("repayment-2024", "date"))).toBe(
      toExcelSerial("2025-03-31")
    );
    expect(await value(port, sv.grant, L.deadlineCell("requisition-2024", "status"))).toBe("klart");
    // The engine's ledger over the same cells agrees.
    const sheet = (await ledgerFromSheet(port, "2024-12-15"))!;
    expect(sheet.errors).toEqual([]);
    const y2024 = sheet.ledger.years.find((y) => y.year === 2024)!;
    expect([y2024.requisitioned, y2024.spent, y2024.toRepay, y2024.repayBy]).toEqual([
      500_000,
      430_000,
      70_000,
      "2025-03-31",
    ]);
    expect(sheet.ledger.next?.id).toBe("repayment-2024");
    expect(deadlineNote(sheet.ledger.next!, "en")).toContain("70 000 to repay by 2025-03-31");
    // Repaid: the repayment's status turns to met.
    await port.writeCells(sv.grant, [
      { address: L.cell(2024, "repaid"), value: 70_000 },
      { address: L.cell(2024, "repaidDate"), value: toExcelSerial("2025-03-10") },
      { address: L.asOfCell, value: toExcelSerial("2025-04-01") },
    ]);
    expect(await value(port, sv.grant, L.deadlineCell("repayment-2024", "status"))).toBe("klart");
    expect(await value(port, sv.grant, L.deadlineCell("financial-report-2024", "status"))).toBe(
      "försenad 1 dag"
    );
    const later = (await ledgerFromSheet(port))!;
    expect(later.ledger.asOf).toBe("2025-04-01");
    expect(later.ledger.years[0]!.outstanding).toBe(0);
    expect(later.ledger.years[0]).toMatchObject({ repaid: 70_000, toRepay: 70_000 });
    expect(later.ledger.deadlines.find((d) => d.id === "repayment-2024")).toMatchObject({
      state: "met",
      doneOn: "2025-03-10",
    });
    // 10 000 kr short: the repayment is overdue and the warning names the repaid cell.
    await port.writeCells(sv.grant, [{ address: L.cell(2024, "repaid"), value: 60_000 }]);
    const short = (await ledgerFromSheet(port))!;
    expect(short.warnings.map((w) => [w.code, w.where.cell, problemText(w, "sv")])).toEqual([
      [
        "ledger.repayment-short",
        L.cell(2024, "repaid"),
        "70 000 kr som inte använts 2024 skulle ha återbetalats till Kammarkollegiet senast 2025-03-31; 60 000 kr återbetalt, 10 000 kr återstår",
      ],
    ]);
  });

  test("as of 2026-12-01 the final report's status cell says due in 14 days, in Swedish", async () => {
    const { port } = await fresh("2026-12-01");
    expect(await value(port, sv.grant, L.deadlineCell("final-report", "status"))).toBe(
      "14 dagar kvar"
    );
    // Handed in: met; typed as text YYYY-MM-DD, it counts too.
    await port.writeCells(sv.grant, [
      { address: L.deadlineCell("final-report", "doneOn"), value: "2026-11-30" },
    ]);
    expect(await value(port, sv.grant, L.deadlineCell("final-report", "status"))).toBe("klart");
    const sheet = (await ledgerFromSheet(port))!;
    expect(sheet.entries.submitted).toEqual([{ item: "final-report", date: "2026-11-30" }]);
    expect(sheet.ledger.deadlines.find((d) => d.id === "final-report")!.state).toBe("met");
  });

  test("=TODAY() in the as-of cell works", async () => {
    const { port } = await fresh();
    await port.writeCells(sv.grant, [{ address: L.asOfCell, value: "=TODAY()" }]);
    expect(typeof (await value(port, sv.grant, L.asOfCell))).toBe("number");
    expect(String(await value(port, sv.grant, L.deadlineCell("final-report", "status")))).toMatch(
      /^(\d+ dagar kvar|försenad \d+ dagar)$/
    );
    const read = (await readLedgerEntries(port))!;
    expect(read.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test("a second requisition gives an error naming its cell", async () => {
    const { port } = await fresh();
    await enterExample(port);
    await port.writeCells(sv.grant, [
      { address: L.requisitionCell(0, "year"), value: 2024 },
      { address: L.requisitionCell(0, "amount"), value: 20_000 },
      { address: L.requisitionCell(0, "date"), value: toExcelSerial("2024-11-25") },
    ]);
    const sheet = (await ledgerFromSheet(port, "2024-12-15"))!;
    const second = sheet.errors.find((e) => e.code === "ledger.second-requisition")!;
    expect(second).toBeDefined();
    expect(second.field).toBe("requisitions[1]");
    expect(second.where).toEqual({ sheet: "Bidrag", cell: L.requisitionCell(0, "amount") });
    expect(L.requisitionCell(0, "amount")).toBe("B12");
    // The message names the first requisition's cell rather than a field path.
    expect(problemText(second)).toContain(`Bidrag!${L.cell(2024, "requisitioned")}`);
    expect(problemText(second)).not.toMatch(/requisitions\[/);
    expect(formatProblem(second)).toMatch(/^Bidrag!B12: a second requisition for 2024/);
    // In Swedish for the task pane, with the cell too.
    expect(problemText(second, "sv")).toBe(
      `andra rekvisitionen för 2024: medlen rekvireras engångsvis, och 500 000 kr rekvirerades redan 2024-11-20 (Bidrag!${L.cell(2024, "requisitioned")})`
    );
    // Together 520 000 kr: above the grant, at the same cell; the sheet's REPAY refuses too.
    expect(sheet.errors.find((e) => e.code === "ledger.requisition-above-grant")!.where.cell).toBe(
      "B12"
    );
    expect(await value(port, sv.grant, L.cell(2024, "toRepay"))).toBe("#VALUE!");
    // The task pane selects the cell.
    await port.selectCell(second.where.sheet, second.where.cell!);
    expect(port.selection).toEqual({ sheet: "Bidrag", address: "B12" });
  });

  test("spending above the grant gives an error naming its cell", async () => {
    const { port } = await fresh();
    await port.writeCells(sv.grant, [
      { address: L.cell(2024, "requisitioned"), value: 500_000 },
      { address: L.cell(2024, "requisitionDate"), value: "2024-11-20" },
      { address: L.cell(2024, "spent"), value: "600 000" },
    ]);
    const sheet = (await ledgerFromSheet(port, "2024-12-15"))!;
    expect(sheet.errors).toHaveLength(1);
    const [error] = sheet.errors;
    expect(error!.code).toBe("ledger.spent-above-grant");
    expect(error!.where).toEqual({ sheet: "Bidrag", cell: L.cell(2024, "spent") });
    expect(formatProblem(error!)).toBe(
      `Bidrag!${L.cell(2024, "spent")}: 600 000 kr spent in 2024 is more than the högst 500 000 kr granted (and the 500 000 kr requisitioned)`
    );
    expect(problemText(error!, "sv")).toBe(
      "600 000 kr använt 2024 är mer än de högst 500 000 kr som beviljats (och de 500 000 kr som rekvirerats)"
    );
  });

  test("planned years: unconfirmed money is an error at its cell that says which cell confirms it; confirmed, it is granted what was appropriated", async () => {
    const { port } = await fresh();
    await port.writeCells(sv.grant, [
      { address: L.cell(2025, "requisitioned"), value: 2_000_000 },
      { address: L.cell(2025, "requisitionDate"), value: "2025-02-01" },
    ]);
    let sheet = (await ledgerFromSheet(port, "2025-03-01"))!;
    const unconfirmed = sheet.errors.find((e) => e.code === "ledger.unconfirmed-requisition")!;
    expect(unconfirmed.where.cell).toBe(L.cell(2025, "requisitioned"));
    expect(problemText(unconfirmed)).toContain(
      `write the amount appropriated in Bidrag!${L.cell(2025, "confirmed")}`
    );
    expect(problemText(unconfirmed, "sv")).toBe(
      `2 000 000 kr rekvirerat för 2025, vars 2 000 000 kr bara är planerade (Under förutsättning att riksdagen anvisat medel för det aktuella anslaget.); skriv det anvisade beloppet i Bidrag!${L.cell(2025, "confirmed")} när riksdagen har anvisat medlen`
    );
    // "ja" is not enough: the government only estimated the 2 000 000 kr.
    await port.writeCells(sv.grant, [{ address: L.cell(2025, "confirmed"), value: "ja" }]);
    expect(await value(port, sv.grant, L.cell(2025, "granted"))).toBe("#VALUE!");
    sheet = (await ledgerFromSheet(port, "2025-03-01"))!;
    expect(
      sheet.errors
        .filter((e) => e.where.cell === L.cell(2025, "confirmed"))
        .map((e) => problemText(e, "sv"))
    ).toEqual([
      "ange beloppet som riksdagen anvisat för 2025, inte ja: regeringen beräknade bara 2 000 000 kr",
    ]);
    // The amount appropriated: granted, and what was requisitioned above it is an error.
    await port.writeCells(sv.grant, [{ address: L.cell(2025, "confirmed"), value: 1_800_000 }]);
    expect(await value(port, sv.grant, L.cell(2025, "granted"))).toBe(1_800_000);
    sheet = (await ledgerFromSheet(port, "2025-03-01"))!;
    expect(sheet.entries.confirmed).toEqual([{ year: 2025, amount: "1800000" }]);
    expect(sheet.errors.map((e) => [e.code, e.where.cell, problemText(e)])).toEqual([
      [
        "ledger.requisition-above-grant",
        L.cell(2025, "requisitioned"),
        "2 000 000 kr requisitioned for 2025 is more than the 1 800 000 kr granted (200 000 kr too much)",
      ],
    ]);
    await port.writeCells(sv.grant, [{ address: L.cell(2025, "requisitioned"), value: 1_800_000 }]);
    sheet = (await ledgerFromSheet(port, "2025-03-01"))!;
    expect(sheet.errors).toEqual([]);
    expect(sheet.ledger.years[1]).toMatchObject({
      year: 2025,
      granted: 1_800_000,
      requisitioned: 1_800_000,
    });
    await port.writeCells(sv.grant, [{ address: L.cell(2025, "confirmed"), value: "kanske" }]);
    sheet = (await ledgerFromSheet(port, "2025-03-01"))!;
    const bad = sheet.errors.filter((e) => e.where.cell === L.cell(2025, "confirmed"));
    expect(bad.map((e) => [problemText(e), problemText(e, "sv")])).toEqual([
      ['"kanske" is not an amount in kronor', '"kanske" är inget belopp i kronor'],
    ]);
  });

  test("unreadable cells are named: text for an amount, a missing date, a date that is not one", async () => {
    const { port } = await fresh();
    await port.writeCells(sv.grant, [
      { address: L.cell(2024, "requisitioned"), value: 500_000 },
      { address: L.cell(2024, "spent"), value: "tolv" },
      { address: L.cell(2024, "repaid"), value: 1_000 },
      { address: L.cell(2024, "repaidDate"), value: "31/3" },
    ]);
    const sheet = (await ledgerFromSheet(port, "2024-12-15"))!;
    const at = Object.fromEntries(sheet.errors.map((e) => [e.where.cell, e]));
    const both = (cell: string) => [problemText(at[cell]!), problemText(at[cell]!, "sv")];
    expect(both(L.cell(2024, "requisitionDate"))).toEqual([
      "the date is missing (write YYYY-MM-DD)",
      "datumet saknas (skriv ÅÅÅÅ-MM-DD)",
    ]);
    expect(both(L.cell(2024, "spent"))).toEqual([
      '"tolv" is not a number',
      '"tolv" är inte ett tal',
    ]);
    expect(both(L.cell(2024, "repaidDate"))).toEqual([
      '"31/3" is not a date (write YYYY-MM-DD)',
      '"31/3" är inte ett datum (skriv ÅÅÅÅ-MM-DD)',
    ]);
    // One problem per cell.
    expect(
      sheet.errors.filter((e) => e.where.cell === L.cell(2024, "requisitionDate"))
    ).toHaveLength(1);
  });

  test("a repayment or requisition date whose amount cell is blank is an error on that cell, never dropped", async () => {
    const { port } = await fresh();
    await port.writeCells(sv.grant, [
      { address: L.cell(2024, "requisitionDate"), value: "2024-11-20" },
      { address: L.cell(2024, "repaidDate"), value: "2025-03-10" },
    ]);
    const sheet = (await ledgerFromSheet(port, "2025-04-01"))!;
    const at = (cell: string) =>
      sheet.errors
        .filter((e) => e.where.cell === cell)
        .map((e) => [problemText(e), problemText(e, "sv")]);
    expect(at(L.cell(2024, "requisitioned"))).toEqual([
      ["the amount is missing", "beloppet saknas"],
    ]);
    expect(at(L.cell(2024, "repaid"))).toEqual([["the amount is missing", "beloppet saknas"]]);
    expect(sheet.errors).toHaveLength(2);
  });

  test("every problem of the ledger sheet has a Swedish text, with cells instead of field paths", async () => {
    const { port } = await fresh();
    await port.writeCells(sv.grant, [
      { address: L.asOfCell, value: "i morgon" },
      { address: L.cell(2024, "requisitioned"), value: 500_000 },
      { address: L.cell(2024, "requisitionDate"), value: "2024-12-05" },
      { address: L.cell(2024, "spent"), value: 600_000 },
      { address: L.cell(2024, "repaid"), value: "tusen" },
      { address: L.cell(2024, "repaidDate"), value: "" },
      { address: L.cell(2025, "requisitioned"), value: 1_000 },
      { address: L.cell(2025, "requisitionDate"), value: "2025-02-01" },
      { address: L.cell(2026, "confirmed"), value: "kanske" },
      { address: L.cell(2026, "spent"), value: 12.5 },
      { address: L.requisitionCell(0, "year"), value: 2024 },
      { address: L.requisitionCell(0, "amount"), value: 20_000 },
      { address: L.requisitionCell(0, "date"), value: "2024-12-10" },
      { address: L.requisitionCell(1, "year"), value: 2023 },
      { address: L.requisitionCell(1, "amount"), value: 5 },
      { address: L.requisitionCell(1, "date"), value: "2023-05-01" },
      { address: L.requisitionCell(2, "amount"), value: 1 },
      { address: L.requisitionCell(2, "date"), value: "31/12" },
      { address: L.deadlineCell("final-report", "doneOn"), value: "snart" },
    ]);
    const sheet = (await ledgerFromSheet(port, "2025-06-01"))!;
    const codes = new Set<string>(sheet.problems.map((p) => p.code));
    for (const code of [
      "sheet.not-a-date",
      "sheet.not-a-year",
      "sheet.not-an-amount",
      "ledger.not-a-number",
      "ledger.unknown-year",
      "ledger.second-requisition",
      "ledger.requisition-above-grant",
      "ledger.requisition-late",
      "ledger.spent-above-grant",
      "ledger.unconfirmed-requisition",
    ])
      expect([code, codes.has(code)]).toEqual([code, true]);
    expect(sheet.problems.length).toBeGreaterThanOrEqual(12);
    for (const p of sheet.problems) {
      expect(p.code).not.toBe("text");
      expect(problemText(p, "sv").trim()).not.toBe("");
      expect(problemText(p, "sv")).not.toBe(problemText(p));
      for (const lang of ["sv", "en"] as const)
        expect(problemText(p, lang)).not.toMatch(
          /\b(requisitions|spent|repayments|submitted|confirmed)\[\d+\]|confirmedYears/
        );
    }
    const at = (cell: string) =>
      sheet.problems.filter((p) => p.where.cell === cell).map((p) => problemText(p, "sv"));
    expect(at(L.asOfCell)).toEqual(['"i morgon" är inte ett datum (skriv ÅÅÅÅ-MM-DD)']);
    expect(at(L.requisitionCell(1, "year"))).toEqual([
      "2023 är inget år i beslutet (2024, 2025, 2026)",
    ]);
    expect(at(L.requisitionCell(2, "year"))).toEqual(["året saknas"]);
    expect(at(L.requisitionCell(0, "amount"))).toEqual([
      `andra rekvisitionen för 2024: medlen rekvireras engångsvis, och 500 000 kr rekvirerades redan 2024-12-05 (Bidrag!${L.cell(2024, "requisitioned")})`,
      "520 000 kr rekvirerat för 2024 är mer än de högst 500 000 kr som beviljats (20 000 kr för mycket)",
    ]);
    expect(at(L.cell(2026, "confirmed"))).toEqual(['"kanske" är inget belopp i kronor']);
    expect(at(L.cell(2026, "spent"))).toEqual(["12,5 är inte ett helt antal kronor"]);
    await port.writeCells(sv.grant, [
      { address: L.requisitionCell(1, "year"), value: "förra året" },
    ]);
    const again = (await ledgerFromSheet(port, "2025-06-01"))!;
    const notYear = again.problems.find((p) => p.where.cell === L.requisitionCell(1, "year"))!;
    expect([problemText(notYear), problemText(notYear, "sv")]).toEqual([
      '"förra året" is not a year',
      '"förra året" är inte ett år',
    ]);
  });

  test("a user's own Bidrag sheet survives; the add-in uses a free name and reads its own sheet", async () => {
    const port = new HyperFormulaPort();
    port.hf.addSheet("Bidrag");
    const id = port.hf.getSheetId("Bidrag")!;
    port.hf.setCellContents({ sheet: id, row: 0, col: 0 }, [
      ["Mina bidrag", 123],
      ["=B1*2", null],
    ]);
    const result = await insertGrantSheets(port, { language: "sv", asOf: "2024-10-01" });
    expect(result.names.grant).toBe("Bidrag (SJUK)");
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toContain('"Bidrag"');
    expect(result.messages[0]).toContain('"Bidrag (SJUK)"');
    expect(port.hf.getSheetSerialized(id)).toEqual([["Mina bidrag", 123], ["=B1*2"]]);
    await port.writeCells("Bidrag (SJUK)", [
      { address: L.cell(2024, "requisitioned"), value: 500_000 },
      { address: L.cell(2024, "requisitionDate"), value: toExcelSerial("2024-11-20") },
      { address: L.cell(2024, "spent"), value: 430_000 },
    ]);
    expect(await value(port, "Bidrag (SJUK)", L.cell(2024, "toRepay"))).toBe(70_000);
    const sheet = (await ledgerFromSheet(port, "2024-12-15"))!;
    expect(sheet.sheet).toBe("Bidrag (SJUK)");
    expect(sheet.ledger.years[0]!.toRepay).toBe(70_000);
    // Again: same name, the user's sheet untouched.
    const again = await insertGrantSheets(port, { language: "sv" });
    expect(again.names.grant).toBe("Bidrag (SJUK)");
    expect(again.messages).toEqual([]);
    expect(await port.listSheets()).toEqual(["Bidrag", "Bidrag (SJUK)", "Kalender"]);
    expect(port.hf.getSheetSerialized(id)).toEqual([["Mina bidrag", 123], ["=B1*2"]]);
  });

  test("re-insert keeps the officer's inputs (as-of, year rows, further requisitions, reports); reset clears them", async () => {
    const { port } = await fresh();
    await enterExample(port);
    await port.writeCells(sv.grant, [
      { address: L.asOfCell, value: "=TODAY()" },
      { address: L.cell(2025, "confirmed"), value: 2_000_000 },
      { address: L.requisitionCell(0, "year"), value: 2024 },
      { address: L.requisitionCell(0, "amount"), value: 1_000 },
      { address: L.requisitionCell(0, "date"), value: "2024-11-25" },
      {
        address: L.deadlineCell("financial-report-2024", "doneOn"),
        value: toExcelSerial("2025-03-20"),
      },
    ]);
    const again = await insertGrantSheets(port, { language: "sv" });
    expect(again.rewritten).toEqual(["Bidrag", "Kalender"]);
    expect(again.keptCells).toBe(1 + 3 + 1 + 3 + 1); // as-of, 2024's three typed cells, 2025's appropriation, further requisition, report
    expect((await port.readFormulas(sv.grant, L.asOfCell))[0]![0]).toBe("=TODAY()");
    expect(await value(port, sv.grant, L.cell(2024, "requisitioned"))).toBe(500_000);
    expect(await value(port, sv.grant, L.cell(2025, "confirmed"))).toBe(2_000_000);
    expect(await value(port, sv.grant, L.requisitionCell(0, "amount"))).toBe(1_000);
    expect(await value(port, sv.grant, L.deadlineCell("financial-report-2024", "doneOn"))).toBe(
      toExcelSerial("2025-03-20")
    );
    // The kept further requisition is still read (and still an error at its cell).
    const kept = (await ledgerFromSheet(port, "2025-01-01"))!;
    expect(kept.errors.find((e) => e.code === "ledger.second-requisition")!.where.cell).toBe(
      L.requisitionCell(0, "amount")
    );
    const reset = await insertGrantSheets(port, {
      language: "sv",
      reset: true,
      asOf: "2024-10-01",
    });
    expect(reset.keptCells).toBe(0);
    expect(await value(port, sv.grant, L.cell(2024, "requisitioned"))).toBe(null);
    expect(await value(port, sv.grant, L.cell(2025, "confirmed"))).toBe(null);
    expect(await value(port, sv.grant, L.asOfCell)).toBe(toExcelSerial("2024-10-01"));
  });

  test("the grant sheets and the 2020 agreement's sheets keep each other's ownership records", async () => {
    const port = new HyperFormulaPort();
    await insertSheets(port, { language: "sv" });
    await insertGrantSheets(port, { language: "sv" });
    await insertSheets(port, { language: "sv" });
    const roles = ((await port.readSetting<{ role: string }[]>(OWNED_SHEETS_SETTING)) ?? [])
      .map((r) => r.role)
      .sort();
    expect(roles).toEqual([
      "calendar",
      "conditions",
      "contacts",
      "grant",
      "payouts",
      "population",
      "results",
    ]);
    const again = await insertGrantSheets(port, { language: "sv" });
    expect(again.created).toEqual([]);
  });

  test("English: Grant ledger and Calendar", async () => {
    const port = new HyperFormulaPort();
    const result = await insertGrantSheets(port, { language: "en", asOf: "2026-12-01" });
    expect(result.names).toEqual({ grant: "Grant ledger", calendar: "Calendar" });
    expect(await value(port, "Grant ledger", L.deadlineCell("final-report", "status"))).toBe(
      "due in 14 days"
    );
    expect(await value(port, "Grant ledger", L.cell(2025, "confirmed"))).toBe(null);
    await port.writeCells("Grant ledger", [{ address: L.cell(2024, "spent"), value: 600_000 }]);
    const sheet = (await ledgerFromSheet(port))!;
    expect(formatProblem(sheet.errors[0]!)).toMatch(/^Grant ledger!G6: 600 000 kr spent in 2024/);
  });
});

describe("the calendar sheet", () => {
  test("lists the 2020 agreement's payouts and the assignment's deadlines in date order, as values", async () => {
    const { port, result } = await fresh();
    const n = result.events.length;
    const rows = await port.readRange(
      sv.calendar,
      `A${CALENDAR.firstRow}:G${CALENDAR.firstRow + n - 1}`
    );
    const dates = rows.map((r) => r[0]);
    const serials = ["2021-01-27", "2021-04-29", "2024-12-01", "2025-03-31", "2026-12-15"].map(
      toExcelSerial
    );
    const positions = serials.map((s) => dates.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Dated rows are in ascending order.
    const numeric = dates.filter((d): d is number => typeof d === "number");
    expect(numeric).toEqual([...numeric].sort((a, b) => a - b));
    // Values, not formulas; kronor and dates formatted.
    const formulas = await port.readFormulas(
      sv.calendar,
      `A${CALENDAR.firstRow}:G${CALENDAR.firstRow + n - 1}`
    );
    expect(formulas.flat().some((f) => typeof f === "string" && f.startsWith("="))).toBe(false);
    expect(port.formatAt(sv.calendar, CALENDAR.cell(0, "date"))).toBe("yyyy-mm-dd");
    expect(port.formatAt(sv.calendar, CALENDAR.cell(0, "amount"))).toBe('#,##0 "kr"');
    // The 2020 agreement's big payout and the assignment's requisition.
    const jan27 = rows.filter((r) => r[0] === toExcelSerial("2021-01-27"));
    expect(
      jan27.some((r) => r[1] === "Utbetalning" && typeof r[3] === "number" && (r[3] as number) > 0)
    ).toBe(true);
    const req = rows.find((r) => r[0] === toExcelSerial("2024-12-01"))!;
    expect([req[1], req[3], req[4]]).toEqual(["Rekvisition", 500_000, "Kammarkollegiet"]);
    expect(String(req[5])).toContain("Socialstyrelsen");
    expect(rows.find((r) => r[0] === toExcelSerial("2026-12-15"))![1]).toBe("Slutredovisning");
    // The note says the add-in regenerates it.
    expect(String(await value(port, sv.calendar, "A2"))).toMatch(/Skapas av tillägget/);
  });

  test("regenerating the calendar rewrites it and leaves the ledger's inputs alone", async () => {
    const { port } = await fresh();
    await enterExample(port);
    await port.writeCells(sv.calendar, [{ address: CALENDAR.cell(0, "what"), value: "skräp" }]);
    const again = await insertGrantSheets(port, { language: "sv", sheets: ["calendar"] });
    expect(again.rewritten).toEqual(["Kalender"]);
    expect(await value(port, sv.calendar, CALENDAR.cell(0, "what"))).not.toBe("skräp");
    expect(await value(port, sv.grant, L.cell(2024, "toRepay"))).toBe(70_000);
    expect(
      ((await port.readSetting<{ role: string }[]>(OWNED_SHEETS_SETTING)) ?? []).map((r) => r.role)
    ).toEqual(["grant", "calendar"]);
  });
});

describe("the grant sheets for Excel", () => {
  test("the sheets become one rectangle of formulas and formats, with tables that do not touch", () => {
    for (const language of ["sv", "en"] as const) {
      const specs = [
        grantLedgerSheet({ language, asOf: "2024-10-01" }),
        calendarSheet({
          language,
          events: paymentCalendar({ allocations: AGREEMENTS, grants: GRANT_DECISIONS }),
        }),
      ];
      for (const spec of specs) {
        const grid = sheetGrid(spec);
        expect(grid.rows).toBeGreaterThan(0);
        // Tables are at least one row apart and their headers are unique (Excel requires both).
        const ranges = spec.tables.map((t) => parseRange(tableRange(t)));
        ranges.forEach((a, i) =>
          ranges.slice(i + 1).forEach((b) => expect(b.start.row - a.end.row).toBeGreaterThan(1))
        );
        for (const t of spec.tables)
          expect(new Set(t.columns.map((c) => c.header)).size).toBe(t.columns.length);
      }
      const ledger = sheetGrid(specs[0]!);
      const { row, column } = parseCell(GRANT_LEDGER.cell(2024, "requisitioned"));
      expect(ledger.formats[row]![column]).toBe('#,##0 "kr"');
      const appropriated = parseCell(GRANT_LEDGER.cell(2025, "confirmed"));
      expect(ledger.formats[appropriated.row]![appropriated.column]).toBe('#,##0 "kr"');
    }
  });
});

describe("a planned year once the Riksdag has confirmed it", () => {
  test("2025: granted the 2 000 000 kr appropriated and the unused money to repay, not an error", async () => {
    const { port } = await fresh("2025-06-01");
    await port.writeCells(sv.grant, [
      { address: L.cell(2025, "confirmed"), value: 2_000_000 },
      { address: L.cell(2025, "requisitioned"), value: 2_000_000 },
      { address: L.cell(2025, "requisitionDate"), value: toExcelSerial("2025-02-01") },
      { address: L.cell(2025, "spent"), value: 1_750_000 },
    ]);
    expect(await value(port, sv.grant, L.cell(2025, "granted"))).toBe(2_000_000);
    expect(await value(port, sv.grant, L.cell(2025, "toRepay"))).toBe(250_000);
  });
});
